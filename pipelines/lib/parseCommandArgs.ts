import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.ts";
import { loadConfig, type LoadedConfig } from "../config/loadConfig.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface GlobalArgs {
  db: string;
  loaded: LoadedConfig;
  json: boolean;
}

const GLOBAL_OPTIONS = {
  db: { type: "string" },
  config: { type: "string" },
  json: { type: "boolean", default: false },
} as const satisfies Options;

export const DEFAULT_DB = "data/churnwatch.duckdb";

/**
 * Parses one command's arguments plus the options every command takes
 * (`--db`, `--config`, `--json`), per outputs.md. Bad usage is a UsageError (exit 2).
 */
export function parseCommandArgs<O extends Options>(_command: string, argv: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const values = parsed.values as Record<string, unknown>;
  const globals: GlobalArgs = {
    db: (values.db as string | undefined) ?? process.env.CHURNWATCH_DB ?? DEFAULT_DB,
    loaded: loadConfig(values.config as string | undefined),
    json: Boolean(values.json),
  };
  return { values: parsed.values as { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string }, positionals: parsed.positionals, globals };
}
