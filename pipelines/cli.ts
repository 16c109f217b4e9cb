import { UsageError, BundleError } from "./lib/errors.ts";
import { COMMAND_HELP, commandHelpText, usageText } from "./commands/commandHelp.ts";

type Command = (argv: string[]) => Promise<number>;

// Each command lives in its own module, loaded only when called, so `churnwatch generate` does
// not pay for DuckDB and `churnwatch ingest` does not load the dashboard code. Their help is in
// commands/commandHelp.ts, which loads neither.
const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: async () => (await import("./commands/ingestCommand.ts")).ingestCommand,
  score: async () => (await import("./commands/scoreCommand.ts")).scoreCommand,
  export: async () => (await import("./commands/exportCommand.ts")).exportCommand,
  run: async () => (await import("./commands/runCommand.ts")).runCommand,
  feedback: async () => (await import("./commands/feedbackCommand.ts")).feedbackCommand,
  backtest: async () => (await import("./commands/backtestCommand.ts")).backtestCommand,
  features: async () => (await import("./commands/featuresCommand.ts")).featuresCommand,
  generate: async () => (await import("./commands/generateCommand.ts")).generateCommand,
  start: async () => (await import("./commands/startCommand.ts")).startCommand,
};

const HELP = new Set(["--help", "-h"]);

/** A usage error's message without a "churnwatch <name>: " its thrower may already have put first. */
function withoutPrefix(message: string, name: string): string {
  return message.replace(new RegExp(`^(churnwatch ${name}:?\\s*)+`), "");
}

/**
 * Runs one command line; returns the exit status (0 done, 1 a bundle or week failed, 2 usage).
 * Help goes to stdout (exit 0); a usage error is printed once, on stderr, with where to find the
 * command's help (exit 2).
 */
export async function main(argv: string[]): Promise<number> {
  // Everything we create (warehouse, exports, temp files) is owner-only: privacy.md.
  process.umask(0o077);
  const [name, ...rest] = argv;
  if (!name) {
    process.stderr.write(`churnwatch: no command given\n\n${usageText()}`);
    return 2;
  }
  if (HELP.has(name) || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic && !COMMAND_HELP[topic]) {
      process.stderr.write(`churnwatch: unknown command '${topic}': see churnwatch --help\n`);
      return 2;
    }
    process.stdout.write(topic ? commandHelpText(topic) : usageText());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load || !COMMAND_HELP[name]) {
    process.stderr.write(`churnwatch: unknown command '${name}': see churnwatch --help\n`);
    return 2;
  }
  // `--help` anywhere before a `--`: the command's help, whatever else is on the line.
  const dashDash = rest.indexOf("--");
  if ((dashDash < 0 ? rest : rest.slice(0, dashDash)).some((a) => HELP.has(a))) {
    process.stdout.write(commandHelpText(name));
    return 0;
  }
  try {
    const command = await load();
    return await command(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`churnwatch ${name}: ${withoutPrefix(e.message, name)}\n(see churnwatch ${name} --help)\n`);
      return e.exitCode;
    }
    if (e instanceof BundleError) {
      process.stderr.write(`churnwatch ${name}: ${withoutPrefix(e.message, name)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`churnwatch ${name}: unexpected failure: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}
