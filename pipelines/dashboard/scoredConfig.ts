import { configSchema, type Config } from "../config/configSchema.ts";
import { configHash } from "../config/loadConfig.ts";
import type { DashboardQuery } from "./dashboardWarehouse.ts";

export const NOT_SCORED = "no week is scored yet: run `churnwatch score` (or `churnwatch run`)";

export interface ScoredConfig {
  /** The latest scored week: the configuration is the one it was scored with. */
  week: string;
  config: Config;
  /** The hash of its signals and scoring sections, as stored beside the scores. */
  hash: string;
  /** Whether those sections are every default (Methodology says "defaults" then). */
  defaults: boolean;
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
  const defaultsHash = configHash(configSchema.parse({}));
  if (latest.config === null) {
    process.stderr.write(`week ${latest.week} was scored before score_runs kept its configuration: showing the defaults\n`);
    return { week: latest.week, config: configSchema.parse({}), hash: defaultsHash, defaults: true };
  }
  const config = configSchema.parse(JSON.parse(latest.config));
  return { week: latest.week, config, hash: latest.config_hash, defaults: latest.config_hash === defaultsHash };
}
