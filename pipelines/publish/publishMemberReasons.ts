import type { DuckDBConnection } from "@duckdb/node-api";
import type { ExportConfig } from "../config/exportConfig.ts";
import { sql } from "../db/sql.ts";
import { memberSignalReason } from "./memberSignalReason.ts";

interface SignalRow {
  group_id: string;
  msisdn: string;
  signal: string;
  severity: number;
  detail: string;
}

/** Words every member signal of the week (memberSignalReason) into publish_member_reasons. */
export async function publishMemberReasons(conn: DuckDBConnection, week: string, config: ExportConfig): Promise<void> {
  const signals = await sql.query<SignalRow>(
    conn,
    `select group_id, msisdn, signal, severity::integer as severity, detail::varchar as detail
     from member_signals where week = $week
     order by group_id, msisdn, signal`,
    { week },
  );
  const rows = signals.map((s) => ({
    group_id: s.group_id,
    msisdn: s.msisdn,
    signal: s.signal,
    reason: memberSignalReason(s.signal, s.severity, s.detail, config),
  }));
  await sql.run(conn, "publish/publish_member_reasons.sql", { rows: JSON.stringify(rows) });
}
