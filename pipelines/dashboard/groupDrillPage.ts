import { readFileSync } from "node:fs";
import type { DashboardQuery } from "./dashboardWarehouse.ts";
import { drillDownGroups } from "./groupArchive.ts";
import { bucketCount, bucketPath, partCount } from "./groupBucket.ts";

const TEMPLATE = new URL("./groupPage.md", import.meta.url);
const PLACEHOLDER = "{/* GROUP FILES */}";

/**
 * The drill-down page's Markdown: one page for every group (`group.html?g=<page>`), with a literal
 * FileAttachment per drill-down file, since Framework ships only files a page names. One page,
 * not a parameterized page per group: Framework spends ~0.2 s of CPU rendering each page, 17
 * minutes for 5,000 groups, while a few hundred attachments on one page cost a few seconds.
 */
export async function groupDrillPage(q: DashboardQuery): Promise<string> {
  const template = readFileSync(TEMPLATE, "utf8");
  if (!template.includes(PLACEHOLDER)) throw new Error(`${TEMPLATE.pathname}: placeholder ${PLACEHOLDER} missing`);
  const buckets = bucketCount((await drillDownGroups(q)).length);
  const parts = partCount(buckets);
  const entries = Array.from({ length: buckets }, (_, i) => `\n  FileAttachment(${JSON.stringify(`../data/${bucketPath(i, parts)}`)})`);
  return template.replace(PLACEHOLDER, `[${entries.join(",")}\n]`);
}
