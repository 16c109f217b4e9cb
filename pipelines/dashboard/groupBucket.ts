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

/**
 * The drill-down files are spread over this many archives (groups0.zip … groups7.zip, one loader
 * each): Framework unzips each file it ships from its archive separately, reading the whole archive
 * every time (~3 ms per MB), so 417 files from one 21 MB archive cost a minute at city scale and
 * from eight 2.7 MB archives a few seconds. Up to 50 files an archive, at most MAX_PARTS archives:
 * a small warehouse needs one, and the other loaders never run.
 */
export const MAX_PARTS = 8;
const FILES_PER_PART = 50;

export function partCount(buckets: number): number {
  return Math.min(MAX_PARTS, Math.max(1, Math.ceil(buckets / FILES_PER_PART)));
}

/** A drill-down file's path under src/data/: `groups<part>/b0000.json`. */
export const bucketPath = (bucket: number, parts: number) => `groups${bucket % parts}/${bucketFile(bucket)}`;
