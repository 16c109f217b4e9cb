/**
 * What `churnwatch --help` and `churnwatch <command> --help` print: each command's usage line,
 * what it does, its own options and an example. Kept apart from the commands so help never loads
 * DuckDB or the dashboard code.
 */
export interface CommandHelp {
  /** The command line, options in brackets. */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** A few lines on what it does and its exit status. */
  about: string;
  /** [option, meaning] in the order a person needs them. */
  options: Array<[string, string]>;
  examples: string[];
}

export const COMMON_OPTIONS: Array<[string, string]> = [
  ["--db FILE", "the warehouse (default data/churnwatch.duckdb, or env CHURNWATCH_DB)"],
  ["--config FILE", "configuration JSON; missing keys take their defaults (README \"Configuration\")"],
  ["--json", "print a machine-readable report on stdout (progress stays on stderr)"],
  ["-h, --help", "print this help and exit"],
];

export const COMMAND_HELP: Record<string, CommandHelp> = {
  ingest: {
    usage: "churnwatch ingest PATH [options]",
    summary: "load one bundle folder, or every new complete bundle under an extracts root",
    about:
      "Loads weekly extract bundles into the warehouse, oldest week first; a bundle already loaded\n" +
      "unchanged is skipped. Exit 0 when every bundle loaded (or had nothing new), 1 when one failed\n" +
      "(the message names the file and why), 2 on wrong usage.",
    options: [["PATH", "a bundle folder (with manifest.json) or a folder of bundles"]],
    examples: ["churnwatch ingest /data/extracts", "churnwatch ingest /data/extracts/2026-W47 --json"],
  },
  score: {
    usage: "churnwatch score [--week W | --all] [options]",
    summary: "compute signals, scores and tiers (default: the latest loaded week)",
    about:
      "Computes week W's warnings, risk scores and tiers, and publishes them; earlier weeks whose\n" +
      "scores are out of date are scored first, since they are W's history.",
    options: [
      ["--week W", "the ISO week to score, like 2026-W47 (default: the latest loaded)"],
      ["--all", "re-score every loaded week"],
    ],
    examples: ["churnwatch score", "churnwatch score --week 2026-W47", "churnwatch score --all --config churnwatch.json"],
  },
  export: {
    usage: "churnwatch export [--week W] [--out DIR] [options]",
    summary: "write a week's CSV/XLSX files, call lists and run report",
    about: "Writes week W's files under DIR/W/ (outputs.md): at-risk groups, signals, members, one call\nlist per manager, run_report.json.",
    options: [
      ["--week W", "the scored ISO week to export (default: the latest scored)"],
      ["--out DIR", "where the week's folder goes (default out/)"],
    ],
    examples: ["churnwatch export", "churnwatch export --week 2026-W47 --out /srv/churn"],
  },
  run: {
    usage: "churnwatch run PATH [--out DIR] [--no-dashboard] [options]",
    summary: "the weekly job: ingest what is new, rescore, export, backtest, rebuild the dashboard",
    about:
      "Ingests new bundles under PATH, re-scores every stale week, exports the latest scored week\n" +
      "to DIR/<week>/, runs the backtest, and rebuilds the dashboard (dist/) when anything changed.\n" +
      "The dashboard build's full log goes to dashboard-build.log beside the warehouse. Exit 0 done or\n" +
      "nothing new, 1 a bundle, week, backtest or dashboard build failed, 2 wrong usage.",
    options: [
      ["PATH", "the extracts root (or one bundle folder)"],
      ["--out DIR", "where the latest week's files go (default out/)"],
      ["--no-dashboard", "do not rebuild the dashboard"],
    ],
    examples: ["churnwatch run /data/extracts", "churnwatch run /data/extracts --out /srv/churn --json"],
  },
  features: {
    usage: "churnwatch features --engine spark [--master M] SOURCE --out DIR [options]",
    summary: "compute each week's member features on Apache Spark and write feature bundles",
    about:
      "Runs the feature stage (usage records -> contact ties and handsets), the one stage that grows\n" +
      "with calls, as one Spark job over every extract bundle at SOURCE, and writes one feature bundle\n" +
      "per week to DIR/<bundle>/ (README \"Feature bundles\"). `churnwatch ingest DIR` loads them like\n" +
      "extract bundles. Exit 0 every week written, 1 a week failed (the message names the file and\n" +
      "why), 2 wrong usage or no Spark here.",
    options: [
      ["SOURCE", "an extract bundle folder (with manifest.json) or a folder of bundles"],
      ["--out DIR", "where the feature bundles go (one folder per bundle)"],
      ["--engine spark", "the engine: spark (DuckDB computes features itself when ingest loads an extract)"],
      ["--master M", "local[2] (default, spark.master), yarn, or spark://host:port"],
      ["--cdr-table T", "read the records from a table (db.cdr, or parquet.`/data/cdr`) with the contract's columns and a week column, not from the bundles' CDR files"],
    ],
    examples: [
      "churnwatch features --engine spark /data/extracts --out /data/features",
      "churnwatch features --engine spark --master yarn /mnt/extracts/2026-W47 --out /mnt/features",
      "churnwatch features --engine spark --master yarn --cdr-table dw.cdr_weekly /mnt/snapshots --out /mnt/features",
    ],
  },
  feedback: {
    usage: "churnwatch feedback PATH [options]",
    summary: "load managers' returned call lists (one .xlsx/.csv, or every new one under a folder)",
    about:
      "Loads a returned call list, or every file under the folder not loaded yet, oldest first.\n" +
      "Exit 0 every file loaded (or was loaded before), 1 a file was refused, 2 wrong usage.",
    options: [["PATH", "a returned call list (.xlsx or .csv), or a folder of them"]],
    examples: ["churnwatch feedback returns/", "churnwatch feedback returns/M0001.xlsx --json"],
  },
  backtest: {
    usage: "churnwatch backtest [--from W] [--to W] [--horizon H] [options]",
    summary: "do the warnings predict churn? (precision, recall, lift per warning and tier)",
    about:
      "Checks every stored warning against what the member or group did in the H weeks after it,\n" +
      "replaces the backtest tables and prints a table per label (n/a where there is no figure).",
    options: [
      ["--from W", "first scored week judged (default: the first scored)"],
      ["--to W", "last scored week judged (default: the latest scored)"],
      ["--horizon H", "weeks after a warning in which churn counts (default backtest.horizonWeeks, 8)"],
    ],
    examples: ["churnwatch backtest", "churnwatch backtest --from 2026-W40 --horizon 4"],
  },
  generate: {
    usage: "churnwatch generate --out DIR [--groups N] [--weeks K] [--seed S] [options]",
    summary: "write synthetic weekly bundles (and ground_truth.json)",
    about: "Writes K consecutive weekly bundles of a fictional city, exactly per the extract contract.",
    options: [
      ["--out DIR", "folder for the bundles (required)"],
      ["--groups N", "group customers (default 50; 5000 is city scale)"],
      ["--weeks K", "consecutive ISO weeks (default 8)"],
      ["--seed S", "same options and seed give the same bytes (default 1)"],
      ["--start-week W", "first week (default 2026-W38)"],
      ["--encoding E", "utf-8 (default) or gbk"],
      ["--delimiter C", "',' (default) or '|'"],
      ["--gzip", "gzip every data file"],
      ["--planted-share X", "share of groups given a planted churn scenario (default 0.3)"],
      ["--cdr-per-member M", "mean CDR rows per member and week (default 200)"],
    ],
    examples: ["churnwatch generate --out /tmp/extracts", "churnwatch generate --out /tmp/city --groups 5000 --weeks 26"],
  },
  start: {
    usage: "churnwatch start [--port N] [--out DIR] [--no-serve] [options]",
    summary: "what npm start runs: the weekly job on the sample data, then the dashboard",
    about:
      "On first start writes the sample data (50 groups, 14 weeks) into sample-data/extracts/, runs\n" +
      "the weekly job on it (ingest, score, export, backtest, dashboard), then serves the dashboard on\n" +
      "http://127.0.0.1:PORT/ until Ctrl-C. Needs no network. Env CHURNWATCH_SAMPLE and CHURNWATCH_DIST\n" +
      "move the sample and the built site elsewhere (the tests use them).",
    options: [
      ["--port N", "port to serve on (default 3000, or env PORT); a port in use is refused before the job runs"],
      ["--out DIR", "where the latest week's files go (default out/)"],
      ["--no-serve", "stop after the job and the build"],
    ],
    examples: ["npm start", "churnwatch start --port 3100", "churnwatch start --no-serve"],
  },
};

const pad = (rows: Array<[string, string]>) => {
  const width = Math.max(...rows.map(([o]) => o.length)) + 2;
  return rows.map(([o, text]) => `  ${o.padEnd(width)}${text}`).join("\n");
};

/** `churnwatch <name> --help`. */
export function commandHelpText(name: string): string {
  const help = COMMAND_HELP[name];
  return [
    `usage: ${help.usage}`,
    "",
    help.about,
    "",
    "options:",
    pad(help.options),
    "",
    "options of every command:",
    pad(COMMON_OPTIONS),
    "",
    help.examples.length > 1 ? "examples:" : "example:",
    ...help.examples.map((e) => `  ${e}`),
    "",
  ].join("\n");
}

/** `churnwatch --help`: every command in a line. */
export function usageText(): string {
  const rows = Object.entries(COMMAND_HELP).map(([name, help]): [string, string] => [name, help.summary]);
  return [
    "usage: churnwatch <command> [options]",
    "",
    "commands:",
    pad(rows),
    "",
    "options of every command:",
    pad(COMMON_OPTIONS),
    "",
    "`churnwatch <command> --help` shows a command's own options and an example.",
    "",
  ].join("\n");
}
