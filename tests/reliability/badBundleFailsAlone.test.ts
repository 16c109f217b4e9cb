import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { readFileSync, truncateSync, statSync } from "node:fs";
import { defaultTables, writeBundle, type BundleSpec } from "../helpers/bundleFixture.ts";
import { editBundle } from "../helpers/editBundle.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";
import { runCli } from "../helpers/runCli.ts";
import { rows, tempDir, withTestWarehouse } from "../helpers/warehouse.ts";
import type { IngestReport } from "../../pipelines/ingest/ingestPath.ts";

// Promise: a bad bundle fails alone — named (file, line where there is one, reason, never a value),
// booked in load_runs and in the --json report — while the good bundles of the same root still
// load (issue 13, finding 2: one bad byte used to end the whole job in "unexpected failure").

const [W45, W46, W47] = ["2026-W45", "2026-W46", "2026-W47"];
const BARE_CR = "a carriage return (CR) not followed by a line feed, outside quotes: lines must end in LF or CRLF (RFC 4180)";

interface Case {
  name: string;
  spec?: Partial<BundleSpec>;
  /** Spoils the W46 bundle. */
  spoil: (bundle: string) => void;
  /** The message, after '2026-W46/'. */
  message: string | RegExp;
}

const members = defaultTables(W46).members;
const cases: Case[] = [
  {
    name: "a bare CR inside a field",
    spoil: (b) => editBundle.append(b, "members.csv", "13800000009,G001,member,none,2020-01-01,act\rive,2020-01-01,58,\n", 1),
    message: `members.csv: line 6: ${BARE_CR}`,
  },
  {
    name: "a line ended by CR alone",
    spoil: (b) => editBundle.append(b, "cdr/cdr_20261109.csv",
      "B1,13800000001,MOC,13900000001,CMCC,2026-11-09 09:00:00,10,C1,\rB2,13800000001,MOC,13900000001,CMCC,2026-11-09 09:00:00,10,C1,\n", 2),
    message: `cdr/cdr_20261109.csv: line 6: ${BARE_CR}`,
  },
  {
    name: "a file with CR line ends only",
    spoil: (b) => editBundle.replace(b, "groups.csv", readFileSync(join(b, "groups.csv"), "utf8").replace(/\n/g, "\r")),
    message: `groups.csv: line 1: ${BARE_CR}`,
  },
  {
    name: "a file ending in CR",
    spoil: (b) => editBundle.replace(b, "tac.csv", readFileSync(join(b, "tac.csv"), "utf8").replace(/\n$/, "\r")),
    message: "tac.csv: line 3: the file ends in a carriage return (CR) without a line feed: lines must end in LF or CRLF (RFC 4180)",
  },
  {
    name: "a truncated .gz",
    spec: { gzip: true },
    spoil: (b) => truncateSync(join(b, "members.csv.gz"), Math.floor(statSync(join(b, "members.csv.gz")).size / 2)),
    message: "members.csv.gz: the gzip stream is cut short (truncated file)",
  },
  {
    name: "a .gz that is not gzip",
    spec: { gzip: true },
    spoil: (b) => editBundle.replace(b, "billing.csv.gz", "msisdn,bill_month,total_fee,voice_fee,data_fee,sms_fee,other_fee\n"),
    message: "billing.csv.gz: not gzip data, or corrupt gzip data",
  },
  {
    name: "a byte order mark starting a line",
    spoil: (b) => editBundle.append(b, "managers.csv", "\uFEFFM03,张伟,拱墅,13700000003,m03@example.invalid\n", 1),
    message: "managers.csv: line 4: a byte order mark (U+FEFF) at the start of a line: only the file may begin with one (were two files joined?)",
  },
];

describe("a bad bundle fails alone, and the good bundles of the root still load", () => {
  it.each(cases)("$name", async ({ spec, spoil, message }) => {
    const root = tempDir();
    const extracts = join(root, "extracts");
    for (const week of [W45, W46, W47]) writeBundle(extracts, { week, tables: { members }, ...spec });
    spoil(join(extracts, W46));
    const db = join(root, "wh.duckdb");
    const before = await rawState(db);

    const run = await runCli(["ingest", extracts, "--db", db, "--json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toContain("unexpected failure");
    const report = JSON.parse(run.stdout).ingest as IngestReport;
    expect(report.bundles.map((b) => [b.bundle, b.outcome])).toEqual([[W45, "loaded"], [W46, "failed"], [W47, "loaded"]]);
    const failed = report.bundles[1];
    if (typeof message === "string") expect(failed.message).toBe(`${W46}/${message}`);
    else expect(failed.message).toMatch(message);
    expect(run.stderr).toContain(failed.message);
    await expectIngestInvariant(db, extracts, report, before);
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select week from raw_bundles order by week")).toEqual([{ week: W45 }, { week: W47 }]);
    });
  });

  it("refuses bytes that are not GB18030 in a GBK file record by record, like broken UTF-8", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W46, encoding: "gbk" });
    // 0x81 0x0a: a lead byte with no second byte; the record is refused, the next one loads.
    editBundle.append(bundle, "managers.csv", Buffer.concat([Buffer.from("M03,"), Buffer.from([0x81]), Buffer.from(",拱墅,13700000003,\n")]), 1);
    const db = join(root, "wh.duckdb");
    const before = await rawState(db);
    const run = await runCli(["ingest", bundle, "--db", db, "--json", "--config", writeConfig(root, { ingest: { rejectLimitShare: 0.5 } })]);
    const report = JSON.parse(run.stdout).ingest as IngestReport;
    expect(report.bundles[0].outcome).toBe("loaded");
    await expectIngestInvariant(db, bundle, report, before);
    await withTestWarehouse(db, async (conn) => {
      expect(await rows(conn, "select file, line::int as line, reason from raw_rejects")).toEqual([
        { file: "managers.csv", line: 4, reason: "not valid text in the declared encoding" },
      ]);
    });
  });
});

function writeConfig(root: string, config: object): string {
  const file = join(root, "config.json");
  editBundle.replace(root, "config.json", JSON.stringify(config));
  return file;
}
