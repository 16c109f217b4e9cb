import { configSchema, type Config } from "../config/configSchema.ts";
import { dashboardConfig, type DashboardConfig } from "../config/dashboardConfig.ts";
import { configHash } from "../config/loadConfig.ts";
import type { DashboardQuery } from "./dashboardWarehouse.ts";

export const NOT_SCORED = "no week is scored yet: run `churnwatch score` (or `churnwatch run`)";

/** The sections that decide results (the ones the hash covers), which Methodology explains. */
type ResultSections = Pick<Config, "signals" | "scoring">;

export interface ScoredConfig {
  /** The latest scored week: the configuration is the one it was scored with. */
  week: string;
  /** Its signals and scoring sections as stored, not re-validated: a later schema must not reword them. */
  config: ResultSections;
  /** The hash of those sections, as stored beside the scores. */
  hash: string;
  /** Whether those sections are every default (Methodology says "defaults" then). */
  defaults: boolean;
  /** The dashboard section of the same run (defaults where it was not stored yet). */
  dashboard: DashboardConfig;
}

/** A stored dashboard section, or the defaults when it is missing or no longer valid. */
function storedDashboard(stored: unknown): DashboardConfig {
  const parsed = dashboardConfig.safeParse(stored ?? {});
  return parsed.success ? parsed.data : dashboardConfig.parse({});
}

/**
 * The configuration of the latest scored week, read from score_runs: what the site explains is
 * what the scores were computed with, whichever machine or environment builds it. A week scored
 * before score_runs kept the configuration has none stored: then the defaults stand in, under
 * their own hash, so Methodology says the week was scored with another configuration unless it
 * really was the defaults.
 */
export async function scoredConfig(q: DashboardQuery): Promise<ScoredConfig> {
  if (!(await q.hasTable("score_runs"))) throw new Error(NOT_SCORED);
  const [latest] = await q.rows<{ week: string; config_hash: string; config: string | null }>("scored_config");
  if (!latest) throw new Error(NOT_SCORED);
  const defaults = configSchema.parse({});
  const defaultsHash = configHash(defaults);
  if (latest.config === null) {
    process.stderr.write(`week ${latest.week} was scored before score_runs kept its configuration: showing the defaults\n`);
    return { week: latest.week, config: defaults, hash: defaultsHash, defaults: true, dashboard: defaults.dashboard };
  }
  const { signals, scoring, dashboard } = JSON.parse(latest.config) as ResultSections & { dashboard?: unknown };
  return {
    week: latest.week,
    config: { signals, scoring },
    hash: latest.config_hash,
    defaults: latest.config_hash === defaultsHash,
    dashboard: storedDashboard(dashboard),
  };
}
