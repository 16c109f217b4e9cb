import { afterAll, describe, expect, it, vi } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../pipelines/cli.ts";
import { cleanup, scratchDir } from "./generatedRun.ts";

describe("churnwatch generate", () => {
  const out = scratchDir("command");
  afterAll(() => cleanup(out));

  it("writes bundles and ground truth, exit 0", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const status = await main(["generate", "--out", out, "--groups", "5", "--weeks", "1", "--cdr-per-member", "3", "--start-week", "2027-W05"]);
    stderr.mockRestore();
    expect(status).toBe(0);
    expect(existsSync(join(out, "2027-W05", "manifest.json"))).toBe(true);
    expect(existsSync(join(out, "ground_truth.json"))).toBe(true);
  });

  it.each([
    [["--groups", "5"]],
    [["--out", out, "--groups", "many"]],
    [["--out", out, "--start-week", "2026-W99"]],
    [["--out", out, "--encoding", "latin1"]],
    [["--out", out, "--planted-share", "2"]],
    [["--out", out, "--bogus"]],
  ])("refuses %j with exit 2", async (args) => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const status = await main(["generate", ...args]);
    const message = stderr.mock.calls.map((c) => String(c[0])).join("");
    stderr.mockRestore();
    expect(status).toBe(2);
    expect(message).toMatch(/churnwatch generate/);
  });
});
