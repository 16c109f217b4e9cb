/**
 * The drill-down page (and archive file) name of a group. Ids are the operator's text: anything
 * beyond letters, digits, '-' and '_' (a slash, a space, Chinese) would make a bad path, so such
 * an id is spelled in hex instead, prefixed so it cannot collide with a plain id.
 */
export function groupPageSlug(groupId: string): string {
  return /^(?!x-)[A-Za-z0-9_-]+$/.test(groupId) ? groupId : `x-${Buffer.from(groupId, "utf8").toString("hex")}`;
}
