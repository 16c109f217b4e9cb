import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { refreshDashboard } from "./refreshDashboard.ts";
import { serveDashboard } from "./serveDashboard.ts";

export interface MeasureOptions {
  db: string;
  /** Where to build (default dist/). */
  outDir?: string;
  /** Chromium to load the overview with (default Debian's). */
  chromium?: string;
  log?: (line: string) => void;
}

export interface DashboardMeasure {
  buildSeconds: number;
  /** Everything the overview page fetched: html, js, css and data files, in bytes (served uncompressed). */
  overviewBytes: number;
  overviewRequests: number;
  /** The largest files the overview fetched, for seeing where the bytes go. */
  largest: Array<{ path: string; bytes: number }>;
}

/**
 * Builds the dashboard from the warehouse (as the weekly job does) and loads the overview page in
 * a real browser, adding up what it fetched: `npm run bench` prints both. The budgets: a build
 * of ≤ 60 s and an overview of ≤ 1.5 MB at city scale (5,000 groups).
 */
export async function measureDashboard(options: MeasureOptions): Promise<DashboardMeasure> {
  const built = await refreshDashboard({ db: options.db, outDir: options.outDir, log: options.log });
  const served = await serveDashboard({ dist: built.outDir });
  const browser = await chromium.launch({
    executablePath: options.chromium ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    const sizes: Array<Promise<{ path: string; bytes: number }>> = [];
    page.on("response", (response) => {
      if (!response.url().startsWith(served.url)) return;
      sizes.push(response.body().then((body) => ({ path: response.url().slice(served.url.length - 1), bytes: body.length }), () => ({ path: response.url(), bytes: 0 })));
    });
    await page.goto(served.url, { waitUntil: "networkidle" });
    await page.waitForSelector("[data-metric]", { timeout: 60_000 });
    const files = await Promise.all(sizes);
    return {
      buildSeconds: Math.round(built.durationMs / 100) / 10,
      overviewBytes: files.reduce((sum, f) => sum + f.bytes, 0),
      overviewRequests: files.length,
      largest: [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    };
  } finally {
    await browser.close();
    await served.close();
  }
}

// `tsx pipelines/dashboard/measureDashboard.ts DB`: build from DB into a scratch folder and print the figures.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const db = process.argv[2] ?? process.env.CHURNWATCH_DB ?? "data/churnwatch.duckdb";
  const measure = await measureDashboard({ db, outDir: process.argv[3] });
  process.stdout.write(`${JSON.stringify(measure, null, 2)}\n`);
}
