/**
 * Which drill-down file holds a group: FNV-1a (32 bit) of its page name, modulo the number of
 * files. The page computes the same in the browser (src/components/groupBucket.js; a test keeps
 * the two equal), so it fetches only the one file its group is in.
 */
export function groupBucket(page: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < page.length; i++) {
    hash ^= page.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** Groups per drill-down file, aimed at: a file of ~12 groups is ~100–200 kB at city scale. */
export const GROUPS_PER_BUCKET = 12;

/** How many drill-down files for this many groups (at least one). */
export function bucketCount(groups: number): number {
  return Math.max(1, Math.ceil(groups / GROUPS_PER_BUCKET));
}

/** A drill-down file's name inside the groups archive. */
export const bucketFile = (bucket: number) => `b${String(bucket).padStart(4, "0")}.json`;
