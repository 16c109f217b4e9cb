// Number formats, tier and signal names, links and small DOM helpers shared by the pages. Every
// text a person reads is plain Chinese.

const intFormat = new Intl.NumberFormat("zh-CN", {maximumFractionDigits: 0});
const oneDecimal = new Intl.NumberFormat("zh-CN", {maximumFractionDigits: 1});

export const fmtInt = (x) => (x == null || Number.isNaN(x) ? "–" : intFormat.format(x));
export const fmtNum = (x) => (x == null || Number.isNaN(x) ? "–" : oneDecimal.format(x));
export const fmtCny = (x) => (x == null || Number.isNaN(x) ? "–" : `¥${intFormat.format(x)}`);
export const fmtPct = (x) => (x == null || !Number.isFinite(x) ? "–" : `${x > 0 ? "+" : ""}${Math.round(x * 100)}%`);
export const fmtShare = (x, digits = 1) => (x == null || !Number.isFinite(x) ? "–" : `${(x * 100).toFixed(digits)}%`);

/** Times are stored and shown in Beijing time; every time on the site says so. */
export const BEIJING = "北京时间";
export const fmtTime = (text) => (text ? `${text}（${BEIJING}）` : "–");

export const TIERS = ["high", "medium", "low"];
export const TIER_COLORS = ["#c0392b", "#e67e22", "#95a5a6"];
export const TIER_ZH = {high: "高", medium: "中", low: "低"};
export const tierLabel = (tier) => (TIER_ZH[tier] ? `${TIER_ZH[tier]}风险` : tier ?? "–");
export const tierScale = {domain: TIERS, range: TIER_COLORS, legend: true, tickFormat: tierLabel};

export const ROLE_ZH = {
  decision_maker: "最高决策者",
  dept_head: "通信部门负责人",
  contact: "联系人",
  influencer: "其他决策人",
  member: "成员"
};
export const STATUS_ZH = {active: "正常", suspended: "停机", closed: "销户", ported_out: "携号转出", left_group: "退出集团"};
export const VIP_ZH = {none: "", silver: "银卡", gold: "金卡", diamond: "钻石卡"};
export const NETWORK_ZH = {CMCC: "移动", CU: "联通", CT: "电信", FIXED: "固话", INTL: "国际", UNKNOWN: "未知"};
export const MODEL_ZH = {forwarding: "异常呼转", handset: "双模手机", affinity: "异网关联度", circle: "通信圈"};

/** Signal code → its Chinese name (meta.json's list); `name.codes` lists every code in order. */
export function signalNamer(meta) {
  const byCode = new Map(meta.signals.map((s) => [s.code, s]));
  const name = (code) => byCode.get(code)?.zh ?? code;
  name.zh = name;
  name.about = (code) => byCode.get(code)?.about ?? "";
  name.codes = meta.signals.map((s) => s.code);
  return name;
}

/** ';'-joined codes as a list ('' → []). */
export const signalList = (codes) => (codes ? codes.split(";").filter(Boolean) : []);

/**
 * The href of a group's drill-down from a page `depth` folders below the site root (index: 0,
 * pages/*: 1). Relative, so dist/ works under any base path; `.html` as the build writes it.
 */
export const groupHref = (page, depth, week) =>
  `${"../".repeat(depth)}pages/group.html?g=${encodeURIComponent(page)}${week ? `&w=${encodeURIComponent(week)}` : ""}`;

/** document.createElement with attributes and children (strings become text: never HTML). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "style" && typeof v === "object") Object.assign(node.style, v);
    else if (k.startsWith("on") && typeof v === "function") node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const tierBadge = (tier) => el("span", {class: `tier tier-${tier}`, title: tierLabel(tier)}, TIER_ZH[tier] ?? tier ?? "–");

export const signalChips = (codes, name) =>
  el("span", {class: "chips"}, signalList(codes).map((c) => el("span", {class: "signal-chip", "data-signal": c}, name(c))));

/** A link to the group's page, its name as text. */
export const groupLink = (row, depth, week) =>
  el("a", {href: groupHref(row.page, depth, week), class: "group-link"}, row.group_name ?? row.group_id);

/** A chart width never below what its margins need (resize() can report 0 before layout). */
export const chartWidth = (width, min = 360) => Math.max(width ?? 0, min);

/** Whole-number ticks from 0 to max (counts of people or handsets never read 0.5). */
export function integerTicks(max, target = 6) {
  const top = Math.max(1, Math.ceil(max));
  const raw = Math.max(1, top / target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  const ticks = [];
  for (let t = 0; t <= top + step - 1; t += step) ticks.push(t);
  return ticks;
}

/** A week picker over the given weeks, newest first, Chinese label. */
export function weekOptions(weeks) {
  return [...weeks].reverse();
}
