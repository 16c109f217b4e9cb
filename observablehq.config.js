// Observable Framework site: the churn dashboard (src/). Everything is served from the build:
// no Google Fonts (globalStylesheets: []), libraries imported by bare name from node_modules.
import {seedFrameworkNpmVersions} from "./pipelines/dashboard/frameworkOffline.js";

// Build and preview need no npm registry: see frameworkOffline.js for why Framework would ask it.
seedFrameworkNpmVersions();

export default {
  title: "集团客户流失预警",
  root: "src",
  // refreshDashboard may build elsewhere (tests build into a temp folder); `npm run build` → dist/.
  output: process.env.CHURNWATCH_DASHBOARD_OUT || "dist",
  globalStylesheets: [],
  style: "style.css",
  // dist/ works from any static server (and file names on disk match the links).
  preserveExtension: true,
  search: false,
  pager: false,
  sidebar: true,
  toc: false,
  pages: [
    { name: "风险概览", path: "/" },
    { name: "中高风险集团", path: "/pages/at-risk" },
    { name: "集团详情", path: "/pages/group" },
    { name: "客户经理", path: "/pages/manager" },
    { name: "预警效果", path: "/pages/signal-quality" },
    { name: "数据质量", path: "/pages/data-quality" },
    { name: "方法说明", path: "/pages/methodology" },
  ],
  // An empty icon: no favicon request (a 404 in the console) and nothing fetched.
  // Framework's sidebar button has an English tooltip: every text a person reads is Chinese.
  head:
    '<meta name="referrer" content="no-referrer"><link rel="icon" href="data:,">' +
    '<script>addEventListener("DOMContentLoaded",()=>{for(const b of document.querySelectorAll("[title=\'Toggle sidebar\']"))b.title="显示或隐藏目录"})</script>',
  footer: "数据仅供内部使用，号码已脱敏。页面上的时间均为北京时间。",
};
