import { z } from "zod";

const MB = 1024 * 1024;

/**
 * Managers' returned call lists (`churnwatch feedback`, and `run` before it exports). README
 * "Feedback: returned call lists" explains each value.
 */
export const feedbackConfig = z
  .object({
    /**
     * The folder `churnwatch run` loads new returns from (every file under it not loaded yet), relative
     * to the current folder like `--out`; null: `run` loads none (`churnwatch feedback PATH` still does).
     */
    folder: z.string().min(1).nullable().default("returns"),
    /**
     * A returned file larger than this is refused before it is read. A manager's list of a few hundred
     * lines is well under 1 MB as a workbook or CSV; ten times that leaves room for a workbook a
     * spreadsheet program re-saved with its own styles, and keeps a wrong file from filling memory.
     */
    maxFileBytes: z.number().int().positive().default(10 * MB),
    /**
     * What a workbook may hold once unzipped. An .xlsx is a zip: a small file can unpack to gigabytes
     * (a "zip bomb"); this is checked before the workbook is opened. A list unpacks to a few MB.
     */
    maxUnpackedBytes: z.number().int().positive().default(50 * MB),
    /** Lines a returned list may hold (blank ones not counted). A manager's list has tens to hundreds. */
    maxRows: z.number().int().positive().default(5000),
  })
  .strict()
  .prefault({});

export type FeedbackConfig = z.infer<typeof feedbackConfig>;
