import { z } from "zod";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { generatorDefaults } from "./generatorDefaults.ts";

const d = generatorDefaults.options;

/** Options of one generator run (`churnwatch generate` and `generate()`), defaults filled in. */
export const generateOptions = z
  .object({
    /** Folder that receives one bundle folder per week and ground_truth.json. */
    out: z.string().min(1),
    groups: z.number().int().min(1).max(1_000_000).default(d.groups),
    weeks: z.number().int().min(1).max(520).default(d.weeks),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(d.seed),
    startWeek: z.string().refine(isIsoWeek, "not an ISO week YYYY-Www").default(d.startWeek),
    encoding: z.enum(["utf-8", "gbk"]).default(d.encoding),
    delimiter: z.enum([",", "|"]).default(d.delimiter),
    gzip: z.boolean().default(d.gzip),
    plantedShare: z.number().min(0).max(1).default(d.plantedShare),
    cdrPerMember: z.number().min(0).max(100_000).default(d.cdrPerMember),
  })
  .strict();

export type GenerateOptions = z.infer<typeof generateOptions>;
