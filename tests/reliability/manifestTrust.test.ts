import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { linkSync, mkdirSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { editBundle } from "../helpers/editBundle.ts";
import { expectIngestInvariant, rawState } from "../helpers/ingestInvariant.ts";
import { runCli } from "../helpers/runCli.ts";
import { ingest, tempDir } from "../helpers/warehouse.ts";
import type { IngestReport } from "../../pipelines/ingest/ingestPath.ts";

// Promise: a bundle speaks only for its own files, each read once, and nothing it names can
// reach the operator's terminal raw (issue 13, finding 8).

const W47 = "2026-W47";

async function failsWith(bundle: string, message: string): Promise<void> {
  const db = join(bundle, "..", "..", "wh.duckdb");
  const before = await rawState(db);
  const report = await ingest(db, bundle);
  expect(report.bundles[0]).toMatchObject({ outcome: "failed", message });
  await expectIngestInvariant(db, bundle, report, before);
}

describe("a bundle's files are its own", () => {
  it("refuses a data file that is a hard link (it may be a file outside the bundle)", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47 });
    writeFileSync(join(root, "outside.csv"), "tac,brand,model,sim_slots,networks,launched\n");
    linkSync(join(root, "outside.csv"), join(bundle, "tac2.csv"));
    editBundle.editManifest(bundle, (m) => { Object.assign(m.files.find((f) => f.table === "tac")!, { path: "tac2.csv", rows: 0 }); });
    await failsWith(bundle, `${W47}/manifest.json: file 'tac2.csv': is a hard link (2 names); deliver the file itself`);
  });

  it("refuses a manifest.json that is a symbolic link", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47 });
    renameSync(join(bundle, "manifest.json"), join(root, "elsewhere.json"));
    symlinkSync(join(root, "elsewhere.json"), join(bundle, "manifest.json"));
    await failsWith(bundle, `${W47}/manifest.json: is a link; the control file must be the bundle's own`);
  });

  it("refuses a manifest.json that is a hard link", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47 });
    linkSync(join(bundle, "manifest.json"), join(root, "elsewhere.json"));
    await failsWith(bundle, `${W47}/manifest.json: is a hard link (2 names); the control file must be the bundle's own`);
  });

  it.each([
    ["the same path", (p: string) => p],
    ["the same file by another spelling", (p: string) => `./${p.replace("/", "//")}`],
  ])("refuses a file listed twice (%s) instead of counting its rows twice", async (_name, spell) => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47 });
    editBundle.editManifest(bundle, (m) => {
      const cdr = m.files.find((f) => f.table === "cdr")!;
      m.files.push({ ...cdr, path: spell(cdr.path) });
    });
    await failsWith(bundle, `${W47}/manifest.json: does not follow the extract contract: files.6.path: the file of files.3 listed again`);
  });

  it("refuses a generated_at that is not a time with its offset", async () => {
    const root = tempDir();
    const bundle = writeBundle(join(root, "x"), { week: W47, editManifest: (m) => { m.generated_at = "2026-02-30T03:10:00+08:00"; } });
    await failsWith(bundle, `${W47}/manifest.json: does not follow the extract contract: generated_at: not a calendar date`);
  });
});

describe("names from a delivery reach the terminal escaped", () => {
  it("escapes control characters of a folder name and refuses them in a manifest path", async () => {
    const root = tempDir();
    const extracts = join(root, "extracts");
    mkdirSync(extracts, { recursive: true });
    const bundle = writeBundle(join(root, "staging"), { week: W47 });
    editBundle.editManifest(bundle, (m) => { m.files.find((f) => f.table === "tac")!.path = "tac\u001b[2J.csv"; });
    renameSync(bundle, join(extracts, "W47\u001b]0;owned\u0007"));

    const run = await runCli(["ingest", extracts, "--db", join(root, "wh.duckdb"), "--json"]);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    const report = JSON.parse(run.stdout).ingest as IngestReport;
    expect(report.bundles[0].bundle).toBe("W47\\u001b]0;owned\\u0007");
    expect(report.bundles[0].message).toBe(
      "W47\\u001b]0;owned\\u0007/manifest.json: does not follow the extract contract: files.5.path: holds control characters",
    );
  });
});
