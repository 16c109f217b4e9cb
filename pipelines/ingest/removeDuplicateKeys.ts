import type { DuckDBConnection } from "@duckdb/node-api";
import type { ContractTable } from "./contractTables.ts";
import type { RejectedRecord } from "./loadSourceFile.ts";
import type { RecordLines } from "./recordLines.ts";
import type { SourceFileScan } from "./scanSourceFile.ts";
import { defineSourceMacro } from "./sourceMacro.ts";
import { sqlText } from "../db/runSqlFile.ts";
import { checkModelParams } from "./checkModelParams.ts";

export interface LoadedSource {
  label: string; // path inside the bundle, for messages
  readPath: string;
  scan: SourceFileScan;
  lines: RecordLines;
}

/**
 * Keeps the first occurrence (in manifest file order, then line order) of every key that the
 * bundle delivers twice, and refuses the others, naming where the first one stands.
 * Runs only when the cheap GROUP BY over the loaded week finds a duplicate, so a clean bundle
 * pays one aggregate and nothing more. Returns the refused records per file label.
 */
export async function removeDuplicateKeys(
  conn: DuckDBConnection,
  spec: ContractTable,
  sources: LoadedSource[],
  params: { week: string; delim: string; week_start: string; week_end: string },
): Promise<Map<string, RejectedRecord[]>> {
  const refused = new Map<string, RejectedRecord[]>();
  const keyList = spec.key.join(", ");
  const keyJoin = spec.key.map((k) => `d.${k} = t.${k}`).join(" and ");
  await conn.run(
    `create or replace temp table cw_dup_keys as
     select ${keyList} from ${spec.rawTable} where week = $week group by all having count(*) > 1`,
    { week: params.week },
  );
  const dupCount = Number((await conn.runAndReadAll("select count(*) from cw_dup_keys")).getRows()[0][0]);
  if (dupCount === 0) return refused;

  await conn.run(
    `delete from ${spec.rawTable} t where week = $week and exists (select 1 from cw_dup_keys d where ${keyJoin})`,
    { week: params.week },
  );
  const firstSeen = new Map<string, string>(); // key → "file line N"; key values stay in memory, never in a message
  const check = sqlText(spec.checkSql);
  for (const source of sources) {
    await defineSourceMacro(conn, spec, source.scan.header);
    await conn.run(
      `create or replace temp table cw_checked as ${check}`,
      checkModelParams(check, { path: source.readPath, ...params }) as never,
    );
    const rows = (
      await conn.runAndReadAll(
        `select t.rowid - (select min(rowid) from cw_checked) as pos,
                ${spec.key.map((k) => `t.${k}`).join(", ")} from cw_checked t
         where t.reject_reason is null and exists (select 1 from cw_dup_keys d where ${keyJoin})
         order by t.rowid`,
      )
    ).getRowObjectsJS() as Array<Record<string, unknown> & { pos: bigint }>;
    const keep: number[] = [];
    for (const row of rows) {
      const key = JSON.stringify(spec.key.map((k) => row[k]));
      const line = source.lines.lineOfOrdinal(source.lines.ordinalOfRowid(Number(row.pos)));
      const first = firstSeen.get(key);
      if (first === undefined) {
        firstSeen.set(key, `${source.label} line ${line}`);
        keep.push(Number(row.pos));
      } else {
        const list = refused.get(source.label) ?? [];
        list.push({ line, column: spec.key.join("+"), reason: `duplicate key (first at ${first})`, rawLine: null });
        refused.set(source.label, list);
      }
    }
    if (keep.length > 0) {
      await conn.run(
        `insert into ${spec.rawTable} by name
         select $week as week, * exclude (reject_column, reject_reason)
         from cw_checked
         where rowid - (select min(rowid) from cw_checked) in (select unnest(string_split($positions, ','))::bigint)`,
        { week: params.week, positions: keep.join(",") },
      );
    }
    await conn.run("drop table cw_checked");
  }
  return refused;
}
