import { ZodError } from "zod";
import { parseCommandArgs } from "../lib/parseCommandArgs.ts";
import { UsageError } from "../lib/errors.ts";
import { writeReport } from "../lib/writeReport.ts";
import { generate } from "../generate/generate.ts";

/** A numeric option, or a UsageError naming it (parseArgs hands every value over as text). */
function numberOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got '${value}'`);
  return n;
}

/** `churnwatch generate`: synthetic weekly bundles plus ground_truth.json (README "Synthetic data"). */
export async function generateCommand(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommandArgs("generate", argv, {
    out: { type: "string" },
    groups: { type: "string" },
    weeks: { type: "string" },
    seed: { type: "string" },
    "start-week": { type: "string" },
    encoding: { type: "string" },
    delimiter: { type: "string" },
    gzip: { type: "boolean" },
    "planted-share": { type: "string" },
    "cdr-per-member": { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  if (!values.out) throw new UsageError(`--out DIR is required`);
  const input = {
    out: values.out,
    groups: numberOption("groups", values.groups),
    weeks: numberOption("weeks", values.weeks),
    seed: numberOption("seed", values.seed),
    startWeek: values["start-week"],
    encoding: values.encoding as "utf-8" | "gbk" | undefined,
    delimiter: values.delimiter as "," | "|" | undefined,
    gzip: values.gzip,
    plantedShare: numberOption("planted-share", values["planted-share"]),
    cdrPerMember: numberOption("cdr-per-member", values["cdr-per-member"]),
  };
  try {
    const result = await generate(input, (line) => process.stderr.write(`${line}\n`));
    process.stderr.write(`wrote ${result.weeks.length} bundle(s) and ${result.groundTruth} in ${result.seconds.toFixed(1)} s\n`);
    if (globals.json) writeReport({ command: "generate", generate: { ...result, weeks: result.weeks.map(({ dir: _dir, ...w }) => w) } });
    return 0;
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    // Option names as the command line spells them.
    const flag = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${e.issues.map((i) => `${i.path.map(flag).join(".")}: ${i.message}`).join("; ")}`);
  }
}
