import { spawnSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../pipelines/dashboard/dashboardWarehouse.ts";
import { serveDashboard, type ServedDashboard } from "../../pipelines/dashboard/serveDashboard.ts";
import { tempDir } from "../helpers/warehouse.ts";

const SCREENSHOTS = join(REPO_ROOT, "test-output", "screenshots");
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/**
 * A network namespace with loopback only (Debian's util-linux `unshare`): `-n` as root, else
 * `-rn` (a user namespace) where unprivileged namespaces are allowed. Null when neither works.
 */
function namespace(): string[] | null {
  for (const flags of [["-n"], ["-rn"]]) {
    if (spawnSync("unshare", [...flags, "true"]).status === 0) return ["unshare", ...flags];
  }
  return null;
}

/** Every file under a folder. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => (statSync(join(dir, e)).isDirectory() ? files(join(dir, e)) : [join(dir, e)]));
}

let served: ServedDashboard | undefined;
afterAll(async () => {
  await served?.close();
});

describe("a first npm start with the network cut (issue 14)", () => {
  it("generates the sample, runs the job with the backtest and builds the dashboard inside a network namespace; Signal quality shows figures", async () => {
    const unshare = namespace();
    expect(unshare, "unshare -n (root) or unshare -rn (user namespaces) must work to cut the network").not.toBeNull();
    const root = tempDir("cw-start-");
    const site = join(root, "dist");
    const db = join(root, "data", "churnwatch.duckdb");
    // A fresh clone's state: no sample, no warehouse, no site (and every build starts without
    // Framework's record of npm versions: refreshDashboard clears it).
    const env = {
      ...process.env,
      CHURNWATCH_SAMPLE: join(root, "sample"),
      CHURNWATCH_DIST: site,
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
    };
    const started = performance.now();
    const run = await new Promise<{ status: number | null; output: string }>((done) => {
      // Loopback up, nothing else: the namespace has no other interface.
      const script = "ip link set lo up 2>/dev/null; exec npm start -- --no-serve --db \"$0\" --out \"$1\"";
      const child = spawn(unshare![0], [...unshare!.slice(1), "sh", "-c", script, db, join(root, "out")], { cwd: REPO_ROOT, env });
      let output = "";
      child.stdout.on("data", (c) => (output += c));
      child.stderr.on("data", (c) => (output += c));
      child.on("close", (status) => done({ status, output }));
    });
    const seconds = Math.round((performance.now() - started) / 1000);
    expect(run.status, run.output.slice(-3000)).toBe(0);
    // One line per build stage, the full log in a file beside the warehouse.
    expect(run.output).toMatch(/dashboard 1\/5: pages rendered/);
    expect(run.output).toMatch(/dashboard 5\/5: site in place/);
    expect(run.output).toMatch(/backtest: 14 scored week\(s\), 6 with a complete 8-week horizon/);
    expect(run.output, "Framework's own lines go to the log file, not the console").not.toMatch(/^\s*(copy|alias|bundle|load|build) \//m);
    expect(readFileSync(join(root, "data", "dashboard-build.log"), "utf8")).toMatch(/built \d+ pages/);
    process.stderr.write(`npm start with the network cut: ${seconds} s\n`);

    // Nothing in the site points outside: no CDN, no registry.
    for (const file of files(site)) {
      expect(readFileSync(file).toString("latin1"), file).not.toMatch(/jsdelivr|googleapis|gstatic|extensions\.duckdb\.org|registry\.npmjs|unpkg/);
    }

    served = await serveDashboard({ dist: site });
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const errors: string[] = [];
      const outside: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      page.on("request", (r) => !r.url().startsWith(served!.url) && !/^(data|blob):/.test(r.url()) && outside.push(r.url()));
      await page.goto(`${served.url}pages/signal-quality.html`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-testid=backtest-group] table");
      expect(await page.textContent("[data-testid=backtest-run]")).toContain("6 周计入");
      // Real figures: precision and lift cells with numbers, not only "–".
      const figures = await page.$$eval("[data-testid=backtest-group] td[data-key=precision], [data-testid=backtest-group] td[data-key=lift]", (cells) =>
        cells.map((c) => c.textContent!.trim()).filter((t) => /\d/.test(t)),
      );
      expect(figures.length).toBeGreaterThan(2);
      // A figure from few cases is greyed and says how many.
      expect(await page.locator("[data-testid=backtest-group] .few", { hasText: "例" }).count()).toBeGreaterThan(0);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, "signal-quality-after-npm-start.png"), fullPage: true });
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
    rmSync(join(root, "sample"), { recursive: true, force: true });
  }, 900_000);
});
