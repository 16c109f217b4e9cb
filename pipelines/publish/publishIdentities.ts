import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../db/sql.ts";
import { maskMsisdn } from "../privacy/maskMsisdn.ts";
import type { Pseudonymizer } from "../privacy/pseudonymizer.ts";

/**
 * Adds to member_identities the masked number and pseudonym of every member of the week's
 * snapshot not yet known under this key: the one masking and pseudonym functions word them, so the
 * published layer carries both and no page or export needs the key or the full number.
 */
export async function publishIdentities(conn: DuckDBConnection, week: string, pseudonym: Pseudonymizer): Promise<void> {
  const unknown = await sql.query<{ msisdn: string }>(
    conn,
    `select distinct msisdn from stg_members
     where msisdn not in (select msisdn from member_identities where key_id = $key_id)
     order by msisdn`,
    { key_id: pseudonym.keyId },
  );
  if (unknown.length === 0) return;
  const rows = unknown.map(({ msisdn }) => ({ msisdn, member_key: pseudonym(msisdn), msisdn_masked: maskMsisdn(msisdn) }));
  await sql.run(conn, "publish/member_identities.sql", { week, key_id: pseudonym.keyId, rows: JSON.stringify(rows) });
}
