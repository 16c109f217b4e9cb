import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../pipelines/dashboard/dashboardWarehouse.ts";
import { tempDir } from "../helpers/warehouse.ts";

/** Runs the real bin (`node pipelines/bin/churnwatch.js …`), as a person would. */
function churnwatch(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "pipelines", "bin", "churnwatch.js"), ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

const COMMANDS = ["ingest", "score", "export", "run", "feedback", "backtest", "generate", "start"];

describe("the command line (issue 14)", () => {
  it("prints the top-level help on stdout, exit 0", async () => {
    for (const flag of ["--help", "-h", "help"]) {
      const run = await churnwatch([flag]);
      expect(run.status).toBe(0);
      expect(run.stderr).toBe("");
      for (const command of COMMANDS) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    }
  });

  it("prints each command's help with its own options and an example, on stdout, exit 0", async () => {
    const own: Record<string, string[]> = {
      ingest: ["PATH"], score: ["--week W", "--all"], export: ["--week W", "--out DIR"], run: ["PATH", "--out DIR", "--no-dashboard"],
      feedback: ["PATH"], backtest: ["--from W", "--to W", "--horizon H"], generate: ["--out DIR", "--groups N", "--weeks K"],
      start: ["--port N", "--no-serve"],
    };
    const runs = await Promise.all(COMMANDS.map((c) => churnwatch([c, "--help"])));
    runs.forEach((run, i) => {
      const command = COMMANDS[i];
      expect(run.status, command).toBe(0);
      expect(run.stderr, command).toBe("");
      expect(run.stdout, command).toMatch(new RegExp(`^usage: churnwatch ${command}`));
      for (const option of [...own[command], "--db FILE", "--config FILE", "--json"]) expect(run.stdout, `${command} ${option}`).toContain(`  ${option}`);
      expect(run.stdout, command).toMatch(/^examples?:\n {2}(churnwatch|npm) /m);
    });
    // --help wins wherever it stands, and `help <command>` says the same.
    expect((await churnwatch(["backtest", "--from", "2026-W40", "-h"])).stdout).toBe(runs[COMMANDS.indexOf("backtest")].stdout);
    expect((await churnwatch(["help", "backtest"])).stdout).toBe(runs[COMMANDS.indexOf("backtest")].stdout);
  });

  it("prints a usage error once, on stderr, exit 2", async () => {
    const cases: Array<[string[], RegExp]> = [
      [["backtest", "--horizon", "x"], /^churnwatch backtest: --horizon x is not a whole number of weeks ≥ 1\n\(see churnwatch backtest --help\)\n$/],
      [["score", "--week", "W47"], /^churnwatch score: --week W47 is not an ISO week like 2026-W47\n/],
      [["export", "--bogus"], /^churnwatch export: Unknown option '--bogus'/],
      [["ingest"], /^churnwatch ingest: give one PATH/],
      [["generate"], /^churnwatch generate: --out DIR is required\n/],
      [["nope"], /^churnwatch: unknown command 'nope': see churnwatch --help\n$/],
    ];
    const runs = await Promise.all(cases.map(([args]) => churnwatch(args)));
    for (const [i, [args, message]] of cases.entries()) {
      const run = runs[i];
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stdout, args.join(" ")).toBe("");
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.stderr.match(/churnwatch \w+:/g)?.length ?? 1, `${args.join(" ")}: the prefix once`).toBe(1);
    }
  });

  it("says a port is in use, and to pick another with --port, before running anything", async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, "127.0.0.1", () => done()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const root = tempDir("cw-port-");
      const run = await churnwatch(["start", "--port", String(port), "--db", join(root, "cw.duckdb")], { CHURNWATCH_SAMPLE: join(root, "sample"), CHURNWATCH_DIST: join(root, "dist") });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(run.stderr).toContain(`--port ${port + 1}`);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(run.stderr).not.toContain("generating the sample"); // refused before the job
    } finally {
      blocker.close();
    }
  });
});
