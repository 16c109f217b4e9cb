import { z } from "zod";

/**
 * The feature stage on Apache Spark (`churnwatch features --engine spark`). README "Running at
 * province scale" explains each value.
 */
export const sparkConfig = z
  .object({
    /** Where the job runs: local[N] on this machine, yarn, or spark://host:port (the --master flag wins). */
    master: z.string().min(1).default("local[2]"),
    /**
     * Memory of the driver, which in local mode is also the only executor. The job stages its
     * intermediate rows as Parquet rather than caching them, so 2g carries a 10 M-row week as fast
     * as 4g did (92 s either way) and keeps the process under the 3 GB every command is held to
     * (peak 2.7 GB); Spark's own default, 1g, is too small.
     */
    driverMemory: z.string().regex(/^\d+[kmgt]$/i, "a size like \"4g\" or \"512m\"").default("2g"),
    /**
     * Parquet files per feature table and week. One is right up to a city (a few million contact
     * rows); a province week's hundreds of millions load faster from several.
     */
    filesPerTable: z.number().int().positive().max(1000).default(1),
    /**
     * Partitions of Spark's shuffles (the roll-up, the duplicate test). Spark's default (200) is
     * meant for clusters; on a local job it only adds tasks.
     */
    shufflePartitions: z.number().int().positive().default(8),
    /**
     * Further Spark settings, each "spark.name=value" as spark-submit's --conf takes them
     * (spark.executor.memory=8g, spark.yarn.queue=churn …). A list, not an object: a setting's name
     * is Spark's, which this schema cannot know, while every object here refuses unknown keys.
     */
    conf: z.array(z.string().regex(/^spark\.[A-Za-z0-9_.-]+=.+$/, "a Spark setting, spark.name=value")).default([]),
  })
  .strict()
  .prefault({});
