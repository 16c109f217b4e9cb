import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { z } from "zod";
import { BundleError } from "../lib/errors.ts";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { TABLE_NAMES, REQUIRED_TABLES } from "./contractTables.ts";

export const manifestSchema = z
  .object({
    contract: z.literal(1),
    week: z.string().refine(isIsoWeek, "not an ISO week YYYY-Www"),
    generated_at: z.string().optional(),
    encoding: z.enum(["utf-8", "gbk"]),
    delimiter: z.enum([",", "|"]),
    files: z
      .array(
        z.object({
          table: z.enum(TABLE_NAMES),
          path: z.string().min(1),
          rows: z.number().int().nonnegative(),
        }),
      )
      .min(1),
  })
  .superRefine((m, ctx) => {
    const present = new Set(m.files.map((f) => f.table));
    for (const table of REQUIRED_TABLES) {
      if (!present.has(table)) ctx.addIssue({ code: "custom", path: ["files"], message: `no file for table ${table}` });
    }
    const seen = new Set<string>();
    m.files.forEach((f, i) => {
      if (f.table !== "cdr" && seen.has(f.table)) {
        ctx.addIssue({ code: "custom", path: ["files", i, "table"], message: `table ${f.table} listed twice (only cdr may span files)` });
      }
      seen.add(f.table);
    });
  });

export type Manifest = z.infer<typeof manifestSchema>;

export const MANIFEST_FILE = "manifest.json";

/** Reads and validates a bundle's manifest; any fault is a BundleError naming the file. */
export function readManifest(bundleDir: string, label: string): { manifest: Manifest; sha256: string } {
  const file = join(bundleDir, MANIFEST_FILE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new BundleError(`${label}/${MANIFEST_FILE}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw new BundleError(`${label}/${MANIFEST_FILE}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new BundleError(`${label}/${MANIFEST_FILE}: does not follow the extract contract: ${issues.join("; ")}`);
  }
  return { manifest: parsed.data, sha256: createHash("sha256").update(bytes).digest("hex") };
}
