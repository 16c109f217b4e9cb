import { describe, it, expect, beforeAll } from "vitest";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sql } from "../../pipelines/db/sql.ts";
import { scoreParams } from "../../pipelines/score/scoreParams.ts";
import { tempDir, testConfig, withTestWarehouse } from "../helpers/warehouse.ts";

// member_contact_week.sql ranks only the contacts at or above each member's cut (the calls its top
// contacts all reach) and ranks forwarding targets below the cut among all the member's contacts.
// Given contact ties shaped to hit every edge of that shortcut, expect exactly what ranking every
// contact of every member by the model's order gives.

const WEEK = "2026-W45";
const config = testConfig();
const kept = config.signals.contactsKeptPerMember;

interface Tie {
  msisdn: string; other_party: string; other_network: string;
  calls_out: number; calls_in: number; seconds_out: number; seconds_in: number;
  sms_out: number; sms_in: number; fwd_calls: number;
}

/** A small seeded generator (mulberry32): the same ties on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function givenTies(): Tie[] {
  const next = random(45);
  const int = (n: number) => Math.floor(next() * n);
  const ties: Tie[] = [];
  const tie = (msisdn: string, other: string, t: Partial<Tie>) => ties.push({
    msisdn, other_party: other, other_network: "CMCC", calls_out: 0, calls_in: 0, seconds_out: 0, seconds_in: 0,
    sms_out: 0, sms_in: 0, fwd_calls: 0, ...t,
  });
  // fewer contacts than are kept: every one kept, none cut
  for (let i = 0; i < kept - 3; i++) tie("13800000001", `1390000${String(i).padStart(4, "0")}`, { calls_out: int(4), sms_in: int(3) });
  // many contacts tied on calls at the cut: ranks decided by SMS, seconds, then the number
  for (let i = 0; i < kept * 3; i++) tie("13800000002", `1390001${String(i).padStart(4, "0")}`, { calls_out: i < 4 ? 9 : 2, sms_out: int(2), seconds_out: 60 * int(2) });
  // the same number on two networks (ported mid-week): two rows, ordered by network
  tie("13800000002", "13900010000", { calls_out: 2, sms_out: 1, seconds_out: 60, other_network: "CU" });
  // forwarding targets far below the cut, with and without calls of their own
  tie("13800000002", "057088880001", { fwd_calls: 3, other_network: "FIXED" });
  tie("13800000002", "13300000001", { calls_in: 1, fwd_calls: 1, other_network: "CT" });
  // a crowd of ordinary members: Zipf-like circles, one-off numbers, the odd forwarding target
  for (let m = 0; m < 60; m++) {
    const msisdn = `1381000${String(m).padStart(4, "0")}`;
    const contacts = 1 + int(40);
    for (let c = 0; c < contacts; c++) {
      const calls = Math.floor(20 / (c + 1) * next());
      tie(msisdn, `135${String(m * 100 + c).padStart(8, "0")}`, {
        calls_out: Math.ceil(calls / 2), calls_in: Math.floor(calls / 2), seconds_out: calls * int(120), seconds_in: int(300),
        sms_out: int(2), sms_in: int(3), fwd_calls: next() < 0.03 ? 1 + int(3) : 0,
        other_network: ["CMCC", "CU", "CT", "FIXED"][int(4)],
      });
    }
  }
  return ties;
}

/** Ranking every contact of every member: the definition the model's shortcut must equal. */
function expectedRows(ties: Tie[]): string[] {
  const byMember = new Map<string, Tie[]>();
  for (const t of ties) byMember.set(t.msisdn, [...(byMember.get(t.msisdn) ?? []), t]);
  const rows: string[] = [];
  for (const [msisdn, list] of byMember) {
    const sorted = [...list].sort((a, b) =>
      (b.calls_out + b.calls_in) - (a.calls_out + a.calls_in)
      || (b.sms_out + b.sms_in) - (a.sms_out + a.sms_in)
      || (b.seconds_out + b.seconds_in) - (a.seconds_out + a.seconds_in)
      || (a.other_party < b.other_party ? -1 : a.other_party > b.other_party ? 1 : 0)
      || (a.other_network < b.other_network ? -1 : a.other_network > b.other_network ? 1 : 0));
    sorted.forEach((t, i) => {
      if (i + 1 <= kept || t.fwd_calls > 0) rows.push(JSON.stringify([msisdn, t.other_party, t.other_network, i + 1]));
    });
  }
  return rows.sort();
}

describe("member_contact_week: each member's top contacts and forwarding targets, ranked", () => {
  const ties = givenTies();
  let got: string[];
  let fwdBelowCut: number;

  beforeAll(async () => {
    const db = join(tempDir(), "wh.duckdb");
    got = await withTestWarehouse(db, async (conn: DuckDBConnection) => {
      await sql.script(conn, "features/schema.sql");
      await sql.script(conn, "marts/schema.sql");
      for (const t of ties) {
        await sql.exec(conn, `insert into feat_member_contact values ($week, $msisdn, $other_party, $other_network,
          $calls_out, $seconds_out, $calls_in, $seconds_in, $sms_out, $sms_in, $fwd_calls, 1, 0, 0)`, { week: WEEK, ...t });
      }
      await sql.run(conn, "intermediate/member_contact_week.sql", { ...scoreParams(config), week: WEEK, config_hash: "test" });
      const rows = await sql.query<{ msisdn: string; other_party: string; other_network: string; contact_rank: number }>(conn,
        "select msisdn, other_party, other_network, contact_rank from member_contact_week where week = $week", { week: WEEK });
      return rows.map((r) => JSON.stringify([r.msisdn, r.other_party, r.other_network, Number(r.contact_rank)])).sort();
    });
    fwdBelowCut = expectedRows(ties).filter((r) => JSON.parse(r)[3] > kept).length;
  });

  it("keeps exactly the ranks that ranking every contact gives", () => {
    expect(got).toEqual(expectedRows(ties));
  });

  it("the given ties reach the shortcut's edges: forwarding targets below the cut, ties at it", () => {
    expect(fwdBelowCut).toBeGreaterThanOrEqual(3);
    expect(got.filter((r) => JSON.parse(r)[0] === "13800000001")).toHaveLength(kept - 3);
    expect(got.filter((r) => JSON.parse(r)[0] === "13800000002").map((r) => JSON.parse(r)[3]).sort((a, b) => a - b).slice(0, kept))
      .toEqual(Array.from({ length: kept }, (_, i) => i + 1));
  });
});
