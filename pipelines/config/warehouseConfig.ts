import { z } from "zod";

/** DuckDB resources: sized for a 2-core, 24 GB machine loading a 40 M-row week. */
export const warehouseConfig = z
  .object({
    /** DuckDB memory_limit; it spills to temp files past this, so peak RSS stays near it. */
    memoryLimit: z.string().default("3GB"),
    /** Worker threads; null lets DuckDB use every core. */
    threads: z.number().int().positive().nullable().default(null),
  })
  .prefault({});
