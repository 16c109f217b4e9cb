import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { warehousePath } from "../db/warehousePath.ts";
import { BundleError } from "../lib/errors.ts";
import { beijingTime } from "../lib/beijingTime.ts";
import { pseudonymizer } from "../privacy/pseudonymizer.ts";
import { readWeekStatus, type WeekStatus } from "./readWeekStatus.ts";
import { scoreParams } from "./scoreParams.ts";
import type { StageContext } from "./weekStages.ts";

/**
 * What every stage of a week's scoring is given: the week, every configuration value as a named
 * parameter, the configuration hash, the inputs fingerprint, the moment (Asia/Shanghai, as the
 * extract's times) and the pseudonym key's id. Fails when the week is not loaded.
 */
export async function weekContext(
  conn: DuckDBConnection,
  week: string,
  loaded: LoadedConfig,
): Promise<StageContext & { status: WeekStatus; scoredAt: string }> {
  const status = (await readWeekStatus(conn, loaded)).find((s) => s.week === week);
  if (!status) throw new BundleError(`week ${week} is not loaded: ingest its bundle first`);
  const scoredAt = beijingTime(new Date(), true);
  const pseudonym = pseudonymizer(loaded.config, await warehousePath(conn));
  const params = {
    ...scoreParams(loaded.config),
    week,
    config_hash: loaded.hash,
    inputs_fingerprint: status.inputsFingerprint,
    scored_at: scoredAt,
    key_id: pseudonym.keyId,
  };
  return { conn, week, params, config: loaded.config, pseudonym, status, scoredAt };
}
