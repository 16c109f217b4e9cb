/**
 * A 32-bit seed derived from the run's seed and any labels and ids (e.g. `subSeed(seed, "cdr",
 * member, week)`). Each member, week and month gets its own stream, so what one draws never shifts
 * another's numbers and the order in which they are generated does not matter.
 */
export function subSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === "number") {
      // Both halves of a safe integer, so seeds beyond 2^32 still differ.
      h = mix(h ^ (part >>> 0));
      h = mix(h ^ Math.floor(part / 4294967296));
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
      h = mix(h ^ part.length);
    }
  }
  return h >>> 0;
}

/** murmur3's finaliser: every input bit reaches every output bit. */
function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}
