import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { configSchema } from "../../pipelines/config/configSchema.ts";
import { loadConfig } from "../../pipelines/config/loadConfig.ts";
import { UsageError } from "../../pipelines/lib/errors.ts";
import { runCli } from "../helpers/runCli.ts";
import { tempDir } from "../helpers/warehouse.ts";

// Promise: the configuration is strict at every level — a key the schema does not know is refused,
// naming where it is, at the top and in every section and sub-section (issue 13, finding 5: typos
// below the top level were accepted, so a mistyped threshold silently kept its default).

/** Every path to an object in the configuration with all defaults filled in. */
function objectPaths(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, key]))];
}

/** A configuration holding only `value` at `path`. */
function at(path: string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

function writeConfig(config: unknown): string {
  const file = join(tempDir("cw-config-"), "config.json");
  writeFileSync(file, JSON.stringify(config));
  return file;
}

const defaults = configSchema.parse({});
const levels = objectPaths(defaults);

describe("configuration: unknown keys are refused at every level", () => {
  it("walks every object of the schema (top, sections, sub-sections, per-signal tables)", () => {
    expect(levels.length).toBeGreaterThan(20);
    expect(levels).toEqual(expect.arrayContaining([[], ["scoring"], ["scoring", "weights"], ["signals", "mouDrop", "memberDropShare"], ["export", "dueWorkingDays"]]));
  });

  it.each(levels.map((path) => [path.join(".") || "(top)", path] as const))("refuses a typo in %s", (_name, path) => {
    const file = writeConfig(at(path, { typoKey: 1 }));
    expect(() => loadConfig(file)).toThrow(UsageError);
    expect(() => loadConfig(file)).toThrow(new RegExp(`${path.length ? `${path.join("\\.")}: ` : "\\(root\\): "}Unrecognized key: "typoKey"`));
  });

  it.each([
    [{ scoring: { highMinScor: 50 } }, "scoring: Unrecognized key: \"highMinScor\""],
    [{ signals: { mouDrop: { minBaselineMinute: 10 } } }, "signals.mouDrop: Unrecognized key: \"minBaselineMinute\""],
    [{ ingest: { rejectLimitShre: 0.5 } }, "ingest: Unrecognized key: \"rejectLimitShre\""],
    [{ warehouse: { memLimit: "1GB" } }, "warehouse: Unrecognized key: \"memLimit\""],
  ])("names the issue's typos: %j", (config, message) => {
    expect(() => loadConfig(writeConfig(config))).toThrow(message);
  });
});

describe("configuration: values are validated before they reach DuckDB", () => {
  const sizeKeys = ["memoryLimit", "checkpointThreshold"] as const;

  it.each(sizeKeys.flatMap((key) => ["1TB; SET threads=1", "80%", "0GB", "lots", ""].map((size) => [key, size])))(
    "refuses %s %j with a clear message",
    (key, size) => {
      expect(() => loadConfig(writeConfig({ warehouse: { [key]: size } }))).toThrow(
        new RegExp(`warehouse\\.${key}: a size like "3GB" or "512MiB"`),
      );
    },
  );

  it.each(sizeKeys.flatMap((key) => ["3GB", "512 MiB", "1.5GB", "3gb"].map((size) => [key, size])))("accepts %s %j", (key, size) => {
    expect(loadConfig(writeConfig({ warehouse: { [key]: size } })).config.warehouse[key as (typeof sizeKeys)[number]]).toBe(size);
  });

  it("exits 2 from the command line, naming the key, with no 'unexpected failure'", async () => {
    const root = tempDir();
    const run = await runCli(["score", "--db", join(root, "wh.duckdb"), "--config", writeConfig({ warehouse: { memoryLimit: "1TB; drop" } })]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("warehouse.memoryLimit");
    expect(run.stderr).not.toContain("unexpected failure");
  });
});
