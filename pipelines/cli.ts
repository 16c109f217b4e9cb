import { UsageError, BundleError } from "./lib/errors.ts";

type Command = (argv: string[]) => Promise<number>;

// Each command lives in its own module, loaded only when called, so `churnwatch generate` does
// not pay for DuckDB and `churnwatch ingest` does not load the dashboard code.
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  ingest: { summary: "ingest PATH            load one bundle, or every new bundle under a root", load: async () => (await import("./commands/ingestCommand.ts")).ingestCommand },
  score: { summary: "score [--week W|--all] compute signals, scores and tiers (default: latest loaded week)", load: async () => (await import("./commands/scoreCommand.ts")).scoreCommand },
  export: { summary: "export [--week W] [--out DIR]  write the week's CSV/XLSX files and run report", load: async () => (await import("./commands/exportCommand.ts")).exportCommand },
  run: { summary: "run PATH [--out DIR]   the weekly job: ingest, rescore stale weeks, export, refresh dashboard data", load: async () => (await import("./commands/runCommand.ts")).runCommand },
  feedback: { summary: "feedback PATH          load managers' returned call lists (one .xlsx/.csv, or every new one under a folder)", load: async () => (await import("./commands/feedbackCommand.ts")).feedbackCommand },
  backtest: { summary: "backtest [--from W] [--to W] [--horizon H]  do the warnings predict churn?", load: async () => (await import("./commands/backtestCommand.ts")).backtestCommand },
  generate: { summary: "generate --out DIR     write synthetic weekly bundles", load: async () => (await import("./commands/generateCommand.ts")).generateCommand },
  start: { summary: "start                  run on the sample data, then serve the dashboard (npm start)", load: async () => (await import("./commands/startCommand.ts")).startCommand },
};

const USAGE = `usage: churnwatch <command> [options]

commands:
${Object.values(COMMANDS).map((c) => `  ${c.summary}`).join("\n")}

options for every command:
  --db FILE      warehouse (default data/churnwatch.duckdb, or env CHURNWATCH_DB)
  --config FILE  configuration JSON (see README)
  --json         print a machine-readable run report on stdout
`;

/** Runs one command line; returns the exit status (0 done, 1 a bundle or week failed, 2 usage). */
export async function main(argv: string[]): Promise<number> {
  // Everything we create (warehouse, exports, temp files) is owner-only: privacy.md.
  process.umask(0o077);
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stderr.write(USAGE);
    return name ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`churnwatch: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest);
  } catch (e) {
    if (e instanceof UsageError || e instanceof BundleError) {
      process.stderr.write(`churnwatch ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`churnwatch ${name}: unexpected failure: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
