import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { configSchema, type Config } from "./configSchema.ts";
import { UsageError } from "../lib/errors.ts";

export interface LoadedConfig {
  config: Config;
  /**
   * sha256 (16 hex) of the sections that decide results, `signals` and `scoring`, defaults filled
   * in: stored beside every score, and what makes a week stale. Changing where exports go, the
   * memory limit or the backtest horizon does not make every week's scores out of date.
   */
  hash: string;
}

/** Reads and validates a JSON configuration file; no file means every default. */
export function loadConfig(file?: string): LoadedConfig {
  let input: unknown = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new UsageError(`cannot read configuration ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
    }
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`configuration ${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new UsageError(`configuration ${file ?? "(defaults)"} is invalid:\n  ${issues.join("\n  ")}`);
  }
  return { config: parsed.data, hash: configHash(parsed.data) };
}

/** The sections whose values change what a week's signals and scores are. */
function resultSections(config: Config): unknown {
  return { signals: config.signals, scoring: config.scoring };
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function configHash(config: Config): string {
  return createHash("sha256").update(JSON.stringify(canonical(resultSections(config)))).digest("hex").slice(0, 16);
}
