import { readFileSync } from "node:fs";
import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { drillDownGroupIds } from "./groupArchive.ts";
import { groupPageSlug } from "./groupPageSlug.ts";

const TEMPLATE = new URL("./groupPage.md", import.meta.url);
const PLACEHOLDER = "{/* GROUP FILES */}";

/**
 * The drill-down page's Markdown: one page for every group (`group.html?g=<page>`), with a literal
 * FileAttachment per group, since Framework ships only files a page names. One page, not a
 * parameterized page per group: Framework spends ~0.2 s of CPU rendering each page, a minute for
 * 300 groups, while 300 attachments on one page cost a few seconds.
 */
export async function groupDrillPage(q: DashboardQuery): Promise<string> {
  const template = readFileSync(TEMPLATE, "utf8");
  if (!template.includes(PLACEHOLDER)) throw new Error(`${TEMPLATE.pathname}: placeholder ${PLACEHOLDER} missing`);
  const entries = (await drillDownGroupIds(q)).map((id) => {
    const page = groupPageSlug(id);
    return `\n  ${JSON.stringify(page)}: FileAttachment(${JSON.stringify(`../data/groups/${page}.json`)})`;
  });
  return template.replace(PLACEHOLDER, `{${entries.join(",")}\n}`);
}
