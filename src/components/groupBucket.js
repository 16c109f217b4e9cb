/**
 * Which drill-down file holds a group: FNV-1a (32 bit) of its page name, modulo the number of
 * files — the same function as pipelines/dashboard/groupBucket.ts, which wrote the files.
 */
export function groupBucket(page, buckets) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < page.length; i++) {
    hash ^= page.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}
