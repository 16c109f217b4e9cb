import { lstatSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { basename, join } from "node:path";
import { z } from "zod";
import { BundleError } from "../lib/errors.ts";
import { isIsoWeek } from "../lib/isoWeek.ts";
import { printable } from "../lib/printable.ts";
import { TABLE_NAMES, REQUIRED_TABLES } from "./contractTables.ts";
import { FEATURE_TABLES, FEATURES_VERSION } from "./featureTables.ts";

// An instant with its offset, as the contract's example: 2026-11-23T03:10:00+08:00 (seconds and a
// fraction optional, Z allowed). Deliveries of one week are ordered by it, so it must compare.
const INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** The date part exists (JS would read 2026-02-30 as 2 March). */
function isCalendarDate(time: string): boolean {
  const [y, m, d] = time.slice(0, 10).split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A manifest path as one name per file: 'cdr//a.csv' and './cdr/a.csv' are 'cdr/a.csv'. */
function samePathKey(path: string): string {
  return path.split(/[\\/]+/).filter((p) => p !== "" && p !== ".").join("/");
}

const generatedAt = z
  .string()
  .regex(INSTANT, "not a time like 2026-11-23T03:10:00+08:00")
  .refine(isCalendarDate, "not a calendar date")
  .optional();

// Control characters in a name would reach the operator's terminal in every message.
const filePath = z.string().min(1).refine((p) => printable(p) === p, "holds control characters");
const rowCount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * Every required table present; a table listed twice only where it may span files; no file
 * listed twice (it would be read, and its rows counted, twice).
 */
function checkFiles(required: readonly string[], spanning: readonly string[]) {
  return (m: { files: Array<{ table: string; path: string }> }, ctx: z.RefinementCtx) => {
    const present = new Set(m.files.map((f) => f.table));
    for (const table of required) {
      if (!present.has(table)) ctx.addIssue({ code: "custom", path: ["files"], message: `no file for table ${table}` });
    }
    const seen = new Set<string>();
    const paths = new Map<string, number>();
    m.files.forEach((f, i) => {
      if (!spanning.includes(f.table) && seen.has(f.table)) {
        ctx.addIssue({ code: "custom", path: ["files", i, "table"], message: `table ${f.table} listed twice (only ${spanning.join(", ")} may span files)` });
      }
      seen.add(f.table);
      const first = paths.get(samePathKey(f.path));
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["files", i, "path"], message: `the file of files.${first} listed again` });
      else paths.set(samePathKey(f.path), i);
    });
  };
}

const SNAPSHOT_TABLES = TABLE_NAMES.filter((t) => t !== "cdr");

const extractManifest = z.object({
  contract: z.literal(1),
  // not in the contract's example: a raw bundle may say so, a feature bundle must (below)
  kind: z.literal("extract").optional(),
  week: z.string().refine(isIsoWeek, "not an ISO week YYYY-Www"),
  generated_at: generatedAt,
  encoding: z.enum(["utf-8", "gbk"]),
  delimiter: z.enum([",", "|"]),
  files: z.array(z.object({ table: z.enum(TABLE_NAMES), path: filePath, rows: rowCount })).min(1),
});

/** An extract bundle's manifest (extract-contract.md). */
export const manifestSchema = extractManifest.superRefine(checkFiles(REQUIRED_TABLES, ["cdr"]));

/**
 * The manifest of an extract whose usage records are read from a table instead of its files
 * (`churnwatch features --cdr-table`): the snapshot files are required, CDR files are not.
 */
export const snapshotManifestSchema = extractManifest.superRefine(checkFiles(SNAPSHOT_TABLES, ["cdr"]));


/**
 * A feature bundle's manifest (README, "Feature bundles"): the extract bundle's snapshot files as
 * delivered, and in place of its usage records the week's features as Parquet, computed elsewhere
 * (`churnwatch features --engine spark`). `source.cdr` accounts for every record the extract
 * declared: refused by a rule, malformed, or a repeated record_id; the rest are in the features.
 */
export const featureManifestSchema = z
  .object({
    contract: z.literal(1),
    kind: z.literal("features"),
    features: z.literal(FEATURES_VERSION),
    week: z.string().refine(isIsoWeek, "not an ISO week YYYY-Www"),
    generated_at: generatedAt,
    encoding: z.enum(["utf-8", "gbk"]),
    delimiter: z.enum([",", "|"]),
    source: z.object({
      engine: z.string().min(1).max(200).refine((p) => printable(p) === p, "holds control characters"),
      manifest_sha256: z.string().regex(/^[0-9a-f]{64}$/, "not a sha256"),
      cdr: z.array(z.object({
        path: filePath,
        rows: rowCount,
        malformed: rowCount,
        refused: z.record(z.string().max(200), rowCount),
        duplicates: rowCount,
      }).strict()).min(1),
    }).strict(),
    files: z.array(z.object({ table: z.enum([...SNAPSHOT_TABLES, ...FEATURE_TABLES]), path: filePath, rows: rowCount })).min(1),
  })
  .strict()
  .superRefine(checkFiles([...SNAPSHOT_TABLES, ...FEATURE_TABLES], FEATURE_TABLES))
  .superRefine((m, ctx) => {
    m.source.cdr.forEach((f, i) => {
      const refused = f.malformed + f.duplicates + Object.values(f.refused).reduce((a, b) => a + b, 0);
      if (refused > f.rows) ctx.addIssue({ code: "custom", path: ["source", "cdr", i], message: `refuses ${refused} of ${f.rows} rows` });
    });
  });

export type ExtractManifest = z.infer<typeof manifestSchema>;
export type FeatureManifest = z.infer<typeof featureManifestSchema>;
export type Manifest = ExtractManifest | FeatureManifest;

export const MANIFEST_FILE = "manifest.json";

/**
 * Reads and validates a bundle's manifest; any fault is a BundleError naming the file. Like the
 * data files, the manifest must be a plain file of the bundle: a symbolic or hard link could make
 * a folder speak for files it does not hold.
 */
export function readManifest(bundleDir: string, label: string, options: { cdrFromTable?: boolean } = {}): { manifest: Manifest; sha256: string } {
  const file = join(bundleDir, MANIFEST_FILE);
  const where = `${printable(label)}/${MANIFEST_FILE}`;
  let bytes: Buffer;
  try {
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) throw new BundleError(`${where}: is a link; the control file must be the bundle's own`);
    if (!stat.isFile()) throw new BundleError(`${where}: is not a regular file`);
    if (stat.nlink > 1) throw new BundleError(`${where}: is a hard link (${stat.nlink} names); the control file must be the bundle's own`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`${where}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    throw new BundleError(`${where}: not valid JSON (${printable((e as Error).message)})`);
  }
  const features = typeof json === "object" && json !== null && (json as { kind?: unknown }).kind === "features";
  const parsed = (features ? featureManifestSchema : options.cdrFromTable ? snapshotManifestSchema : manifestSchema).safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    const contract = features ? "the feature bundle contract" : "the extract contract";
    throw new BundleError(`${where}: does not follow ${contract}: ${printable(issues.join("; "))}`);
  }
  return { manifest: parsed.data, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A folder's manifest, or null when it cannot be read (the folder then fails on its own, naming why). */
export function manifestOrNull(folder: string): Manifest | null {
  try {
    return readManifest(folder, basename(folder)).manifest;
  } catch {
    return null;
  }
}
