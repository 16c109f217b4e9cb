import { z } from "zod";

/** DuckDB resources: sized for a 2-core, 24 GB machine loading a 40 M-row week. */
export const warehouseConfig = z
  .object({
    /**
     * DuckDB memory_limit; it spills to temp files past this, so peak RSS stays near it. A number
     * and a unit, as DuckDB reads it ("3GB", "512 MiB"): anything else would only fail when the
     * warehouse opens, as an unexplained error.
     */
    memoryLimit: z
      .string()
      .regex(/^(?!0+(\.0+)?\s*[a-z])\d+(\.\d+)?\s*(b|[kmgt]i?b)$/i, "a size like \"3GB\" or \"512MiB\" (a number above 0 and B, KB, MB, GB, TB or KiB … TiB)")
      .default("3GB"),
    /** Worker threads; null lets DuckDB use every core. */
    threads: z.number().int().positive().nullable().default(null),
    /**
     * Weeks of raw usage records kept, counted back from the newest loaded week; older weeks keep
     * only their features (feat_member_contact, feat_member_handset), which is all scoring reads. A
     * city week is about 40 M records: kept forever they would be most of the warehouse. 8 weeks
     * leave room for a re-delivery or an audit of the last two months; null keeps every week.
     */
    rawCdrRetentionWeeks: z.number().int().positive().nullable().default(8),
  })
  .strict()
  .prefault({});
