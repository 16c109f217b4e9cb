import { listValue, type DuckDBConnection } from "@duckdb/node-api";
import type { ContractTable } from "./contractTables.ts";
import type { LoadedFile } from "./loadSourceGroup.ts";
import { defineSourceMacro } from "./sourceMacro.ts";
import { sql } from "../db/sql.ts";

/**
 * Keeps the first occurrence (in read order: manifest order within files sharing a header) of
 * every key the bundle delivers twice, refuses the others naming where the first one stands, and
 * adds them to their file's rejects. Runs only when the GROUP BY over the loaded week finds a
 * duplicate, so a clean bundle pays one aggregate and nothing more.
 */
export async function removeDuplicateKeys(
  conn: DuckDBConnection,
  spec: ContractTable,
  groups: LoadedFile[][],
  params: { week: string; delim: string; week_start: string; week_end: string },
): Promise<void> {
  const keyList = spec.key.join(", ");
  const keyJoin = spec.key.map((k) => `d.${k} = t.${k}`).join(" and ");
  // Aggregating 64-bit hashes is far cheaper than aggregating 40 M strings; the few colliding
  // hashes are then checked on the real key.
  const keyHash = `hash(${keyList})`;
  await sql.exec(conn,
    `create or replace temp table cw_dup_keys as
     with candidates as (
       select ${keyHash} as h from ${spec.rawTable} where week = $week group by h having count(*) > 1
     )
     select ${keyList} from ${spec.rawTable}
     where week = $week and ${keyHash} in (select h from candidates)
     group by all having count(*) > 1`,
    { week: params.week },
  );
  const [{ n: dupCount }] = await sql.query<{ n: number }>(conn, "select count(*)::integer as n from cw_dup_keys");
  if (dupCount === 0) return;

  await sql.exec(conn,
    `delete from ${spec.rawTable} t where week = $week and exists (select 1 from cw_dup_keys d where ${keyJoin})`,
    { week: params.week },
  );
  const firstSeen = new Map<string, string>(); // key → "file line N"; key values stay in memory, never in a message
  const check = sql.text(spec.checkSql);
  for (const files of groups) {
    await defineSourceMacro(conn, spec, files[0].scan.header); // every pass is done by now
    await sql.exec(
      conn,
      `create or replace temp table cw_checked as ${check}`,
      { ...params, path: listValue(files.map((f) => f.readPath)) },
    );
    for (const file of files) {
      const found = await sql.queryJS<Record<string, unknown> & { pos: bigint }>(conn, `with placed as (
             select rowid - min(rowid) over () as pos, * from cw_checked where filename = $file
           )
           select pos, ${spec.key.map((k) => `t.${k}`).join(", ")} from placed t
           where reject is null and exists (select 1 from cw_dup_keys d where ${keyJoin})
           order by pos`,
          { file: file.readPath });
      const keep: number[] = [];
      for (const row of found) {
        const key = JSON.stringify(spec.key.map((k) => row[k]));
        const line = file.lines.lineOfOrdinal(file.lines.ordinalOfRowid(Number(row.pos)));
        const first = firstSeen.get(key);
        if (first === undefined) {
          firstSeen.set(key, `${file.label} line ${line}`);
          keep.push(Number(row.pos));
        } else {
          file.rejectCount++;
          file.inserted--;
          file.rejects.push({ line, column: spec.key.join("+"), reason: `duplicate key (first at ${first})`, rawLine: null });
        }
      }
      if (keep.length > 0) {
        await sql.exec(conn,
          `insert into ${spec.rawTable} by name
           with placed as (select rowid - min(rowid) over () as pos, * from cw_checked where filename = $file)
           select $week as week, * exclude (pos, reject, filename)
           from placed where pos in (select unnest(string_split($positions, ','))::bigint)`,
          { week: params.week, file: file.readPath, positions: keep.join(",") },
        );
      }
    }
    await sql.exec(conn, "drop table cw_checked");
  }
}
