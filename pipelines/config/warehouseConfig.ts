import { z } from "zod";

/**
 * A size as DuckDB reads it ("3GB", "512 MiB"): anything else would only fail when the warehouse
 * opens, as an unexplained error.
 */
const duckdbSize = z
  .string()
  .regex(/^(?!0+(\.0+)?\s*[a-z])\d+(\.\d+)?\s*(b|[kmgt]i?b)$/i, "a size like \"3GB\" or \"512MiB\" (a number above 0 and B, KB, MB, GB, TB or KiB … TiB)");

/** DuckDB resources: sized for a 2-core, 24 GB machine loading a 40 M-row week. */
export const warehouseConfig = z
  .object({
    /**
     * DuckDB memory_limit; it spills to temp files past this. The process holds more than DuckDB
     * counts (Node, the CSV reader's buffers, freed memory the allocator keeps): under 2GB a city
     * week's load peaked up to 1 GB above the limit, hence loadMemoryLimit. 2GB keeps every command
     * within the 3 GB a command may use at city scale (measured: `score --all` of 7 city weeks
     * 2.4-2.7 GB, a week's score 2.2 GB).
     */
    memoryLimit: duckdbSize.default("2GB"),
    /**
     * DuckDB memory_limit while a bundle's files are read, checked and stored; the week's features
     * (aggregated from the stored records right after) and the rest of the command get memoryLimit
     * back, and a value at or above memoryLimit changes nothing. Loading streams the files through:
     * it gains no speed from more memory, but the allocator keeps what DuckDB's threads took and
     * freed, so under 2GB a city week's load peaked at 2.2-3.0 GB, at the end of the load.
     * Measured on the same 38 M-row week, each in its own process: 2GB 112.9 and 100.9 s, peak
     * 2.53 and 2.17 GB; 1GB 107.9 and 102.9 s, peak 1.48 and 1.30 GB. A 9.8 M-row week loads alike
     * under either (1.2-1.35 GB, 22-28 s).
     */
    loadMemoryLimit: duckdbSize.default("1GB"),
    /**
     * DuckDB checkpoint_threshold: committed changes are folded into the database file once its
     * write-ahead log outgrows this, and always when a command closes the warehouse. DuckDB's own
     * 16MB folds after every week scored (a fifth of `score --all`'s time, measured); the log of a
     * whole command stays well under 1GB, so a command folds once, at its end.
     */
    checkpointThreshold: duckdbSize.default("1GB"),
    /**
     * DuckDB max_vacuum_tasks: how many merges of part-filled row groups a checkpoint may run. With
     * DuckDB's 100, every command that appends a week rewrote each week-keyed table's part-filled
     * row groups at its close (31 k new rows in `pub_member_week` cost 0.52 s against 0.07 s
     * without), so the weekly job at 800 groups spent 2.7 s closing instead of 0.5 s, and a cold
     * load and score took 1.07 × as long. A week written alone sits in row groups of its own, which
     * DuckDB drops whole when the week is deleted (re-scored, re-delivered, pruned) with or without
     * merges, so the file does not grow for want of them (tests/reliability/warehouseVacuum.test.ts).
     */
    maxVacuumTasks: z.number().int().min(0).default(0),
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
