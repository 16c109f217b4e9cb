import { z } from "zod";

/** How the loader treats a bundle. See README "Configuration". */
export const ingestConfig = z
  .object({
    /** Share of a file's data rows that may be rejected before the whole bundle fails. */
    rejectLimitShare: z.number().min(0).max(1).default(0.001),
    /** Most rejected rows kept per file in raw_rejects (the count is always exact). */
    rejectsKeptPerFile: z.number().int().positive().default(10_000),
    /** Rejected rows quoted in an error message (file and line only, never values). */
    rejectsShownInMessage: z.number().int().positive().default(5),
  })
  .strict()
  .prefault({});
