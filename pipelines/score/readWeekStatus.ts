import type { DuckDBConnection } from "@duckdb/node-api";
import type { LoadedConfig } from "../config/loadConfig.ts";
import { sql } from "../db/sql.ts";

export interface WeekStatus {
  week: string;
  /** Hash of the configuration and the checksums of every loaded week up to this one. */
  inputsFingerprint: string;
  /** What the week's last scoring stored (null: never scored). */
  scoredFingerprint: string | null;
  scoredAt: string | null;
  isStale: boolean;
}

interface Row {
  week: string;
  inputs_fingerprint: string;
  scored_fingerprint: string | null;
  scored_at: string | null;
  is_stale: boolean;
}

/** Every loaded week, oldest first, with its inputs fingerprint and whether its scores are stale. */
export async function readWeekStatus(conn: DuckDBConnection, loaded: LoadedConfig): Promise<WeekStatus[]> {
  const rows = await sql.rows<Row>(conn, "marts/week_status.sql", { config_hash: loaded.hash });
  return rows.map((r) => ({
    week: r.week,
    inputsFingerprint: r.inputs_fingerprint,
    scoredFingerprint: r.scored_fingerprint,
    scoredAt: r.scored_at,
    isStale: r.is_stale,
  }));
}
