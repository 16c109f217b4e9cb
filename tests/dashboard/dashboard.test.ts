import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backtestFigures } from "../../pipelines/dashboard/backtestFigures.ts";
import type { Params } from "../../pipelines/db/sql.ts";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { REPO_ROOT, withDashboardWarehouse } from "../../pipelines/dashboard/dashboardWarehouse.ts";
import { groupPageSlug } from "../../pipelines/dashboard/groupPageSlug.ts";
import { serveDashboard, type ServedDashboard } from "../../pipelines/dashboard/serveDashboard.ts";
import { rows, withTestWarehouse } from "../helpers/warehouse.ts";
import { buildDashboardFixture, type DashboardFixture } from "./dashboardFixture.ts";

const SCREENSHOTS = join(REPO_ROOT, "test-output", "screenshots");
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let fixture: DashboardFixture;
let served: ServedDashboard;
let browser: Browser;
let latestWeek: string;
const requests: Array<{ page: string; url: string }> = [];
const consoleErrors: Array<{ page: string; text: string }> = [];

/** Opens a site path in a fresh page, recording every request and console error, and waits for `ready`. */
async function open(path: string, ready: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on("request", (request) => requests.push({ page: path, url: request.url() }));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push({ page: path, text: message.text() });
  });
  page.on("pageerror", (error) => consoleErrors.push({ page: path, text: error.message }));
  await page.goto(served.url + path, { waitUntil: "networkidle" });
  await page.waitForSelector(ready, { timeout: 30_000 });
  return page;
}

function query<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]> {
  return withTestWarehouse(fixture.db, (conn) => rows(conn, sql, params)) as Promise<T[]>;
}

/**
 * A file of a loader's archive as the build shipped it: Framework writes each member the pages
 * name as `_file/data/<archive>/<stem>.<hash>.<ext>`.
 */
function shipped(archive: string, name: string): Buffer {
  const dot = name.lastIndexOf(".");
  const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
  const dir = join(fixture.dist, "_file", "data", archive);
  const found = readdirSync(dir).filter((f) => f.startsWith(`${stem}.`) && f.endsWith(ext) && /^[0-9a-f]+$/.test(f.slice(stem.length + 1, -ext.length)));
  expect(found, `${archive}/${name} shipped once`).toHaveLength(1);
  return readFileSync(join(dir, found[0]));
}

interface DrillDown {
  id: string;
  weeks: string[];
  w: Record<string, unknown[]>;
}

/** Every group's drill-down data as shipped (groups share files: pipelines/dashboard/groupArchive.ts), by group id. */
function shippedDrillDowns(): Map<string, DrillDown> {
  const dir = join(fixture.dist, "_file", "data", "groups");
  const out = new Map<string, DrillDown>();
  for (const f of readdirSync(dir)) {
    for (const group of Object.values(JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, DrillDown>)) out.set(group.id, group);
  }
  return out;
}

/** A shipped Arrow file's rows as plain objects, as the pages read them (src/components/data.js). */
function shippedRows<T = Record<string, unknown>>(name: string): T[] {
  return tableFromIPC(shipped("dashboard", name)).toArray().map((row) => row.toJSON() as T);
}

/** A week's at_risk_groups.csv as exported, one object per row keyed by the header. */
function exportedGroups(week: string): Array<Record<string, string>> {
  const [header, ...lines] = parseCsv(readFileSync(join(fixture.exports, week, "at_risk_groups.csv"), "utf8"));
  return lines.map((line) => Object.fromEntries(header.map((column, i) => [column, line[i]])));
}

/** A planted (not decoy) group the real scorer put in the high tier in the latest week. */
async function plantedHighGroup(): Promise<{ group_id: string; group_name: string }> {
  const planted = [...new Set(fixture.scenarios.filter((s) => !s.decoy && s.group_id).map((s) => s.group_id!))];
  const [group] = await query<{ group_id: string; group_name: string }>(
    `select s.group_id, g.group_name from group_scores s join raw_groups g using (week, group_id)
     where s.week = $week and s.tier = 'high' and list_contains(from_json($planted, '["VARCHAR"]'), s.group_id)
     order by s.risk_score desc limit 1`,
    { week: latestWeek, planted: JSON.stringify(planted) },
  );
  expect(group, "a planted group scored high in the latest week").toBeDefined();
  return group;
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  fixture = await buildDashboardFixture();
  latestWeek = fixture.weeks.at(-1)!;
  served = await serveDashboard({ dist: fixture.dist });
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

describe("dashboard in a real browser (generated city, real pipeline, one build)", () => {
  it("loads every page with no console error and no request beyond this server", async () => {
    const group = await plantedHighGroup();
    const slug = groupPageSlug(group.group_id);
    const pages: Array<[string, string, string]> = [
      ["overview", "index.html", "[data-metric=groups_high]"],
      ["at-risk", "pages/at-risk.html", "a.group-link"],
      ["group", `pages/group.html?g=${encodeURIComponent(slug)}`, "[data-testid=week-signals]"],
      ["manager", "pages/manager.html", "a.group-link"],
      ["signal-quality", "pages/signal-quality.html", "[data-testid=backtest-run]"],
      ["data-quality", "pages/data-quality.html", "table"],
      ["methodology", "pages/methodology.html", "[data-testid=config-hash]"],
    ];
    for (const [name, path, ready] of pages) {
      const page = await open(path, ready);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.close();
    }
    expect(consoleErrors).toEqual([]);
    const outside = requests.filter(({ url }) => !url.startsWith(served.url) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(pages.length);
  });

  it("shows the warehouse's figures for the week, this week and after picking last week", async () => {
    const expected = async (week: string) => {
      const [tiers] = await query<Record<string, number>>(
        `select count(*) filter (where tier = 'high')::integer as groups_high,
                count(*) filter (where tier = 'medium')::integer as groups_medium,
                count(*) filter (where tier = 'low')::integer as groups_low,
                sum(members_flagged)::integer as members_flagged
         from group_scores where week = $week`,
        { week },
      );
      const [members] = await query<Record<string, number>>(
        `select count(*) filter (where f.departed_this_week)::integer as members_lost,
                coalesce(sum(f.bill_total_cny) filter (where s.tier in ('high', 'medium')), 0)::double as revenue_at_risk
         from member_week_features f join group_scores s on s.week = f.week and s.group_id = f.group_id
         where f.week = $week`,
        { week },
      );
      return { ...tiers, ...members };
    };
    const shown = (page: Page) =>
      page.$$eval("[data-metric]", (cards) => Object.fromEntries(cards.map((c) => [c.getAttribute("data-metric"), Number(c.getAttribute("data-value"))])));

    const page = await open("index.html", "[data-metric=groups_high]");
    const now = await expected(latestWeek);
    expect(now.groups_high + now.groups_medium).toBeGreaterThan(0);
    expect(await shown(page)).toMatchObject({ ...now, revenue_at_risk: expect.closeTo(now.revenue_at_risk, 2) });
    expect(await page.textContent("[data-metric=groups_high] .value")).toBe(String(now.groups_high));

    const previousWeek = fixture.weeks.at(-2)!;
    await page.selectOption("form select", previousWeek);
    await page.waitForFunction((w) => document.body.textContent!.includes(`数据周 ${w}`), previousWeek);
    const then = await expected(previousWeek);
    expect(await shown(page)).toMatchObject({ ...then, revenue_at_risk: expect.closeTo(then.revenue_at_risk, 2) });
    await page.close();
  });

  it("lists a planted high-risk group, and its link opens a drill-down with its signals", async () => {
    const group = await plantedHighGroup();
    const page = await open("pages/at-risk.html", "a.group-link");
    await page.fill("input[type=text]", group.group_name);
    const link = page.locator("a.group-link", { hasText: group.group_name });
    await expect.poll(() => link.count()).toBe(1);
    await Promise.all([page.waitForURL(/group\.html\?g=/), link.click()]);
    await page.waitForSelector("[data-testid=week-signals]");
    expect(await page.textContent("h1")).toContain(group.group_name);
    const listed = await page.$$eval("[data-testid=week-signals] [data-signal]", (items) => items.map((i) => i.getAttribute("data-signal")));
    const fired = await query<{ signal: string }>("select signal from group_signals where week = $week and group_id = $group order by signal", {
      week: latestWeek,
      group: group.group_id,
    });
    expect(listed.sort()).toEqual(fired.map((f) => f.signal));
    expect(listed.length).toBeGreaterThan(0);
    await page.close();
  });

  it("filters the at-risk table by branch: only that branch's groups remain", async () => {
    const atRisk = await query<{ group_name: string; branch: string }>(
      `select g.group_name, g.branch from group_scores s join raw_groups g using (week, group_id)
       where s.week = $week and s.tier in ('high', 'medium')`,
      { week: latestWeek },
    );
    const branches = [...new Set(atRisk.map((g) => g.branch))].sort();
    const branch = branches[0];
    const page = await open("pages/at-risk.html", "a.group-link");
    const names = () => page.$$eval("a.group-link", (links) => links.map((l) => l.textContent).sort());
    expect(await names()).toEqual(atRisk.map((g) => g.group_name).sort());
    await page.selectOption("form[data-filter=branch] select", { label: branch });
    const wanted = atRisk.filter((g) => g.branch === branch).map((g) => g.group_name).sort();
    await expect.poll(names).toEqual(wanted);
    if (branches.length > 1) expect(wanted.length).toBeLessThan(atRisk.length);
    await page.close();
  });

  it("shows the backtest's figures on Signal quality, and says so while there are none", async () => {
    const page = await open("pages/signal-quality.html", "[data-testid=backtest-run]");
    const [counted] = await query<{ n: number }>("select count(*)::integer as n from backtest_weeks where horizon_complete");
    expect(await page.textContent("[data-testid=backtest-run]")).toContain(`${counted.n} 周计入`);
    await expect.poll(() => page.locator("table tbody tr").count()).toBeGreaterThan(5);
    await page.close();

    const empty = join(fixture.root, "empty.duckdb");
    await withTestWarehouse(empty, async () => {});
    const previous = process.env.CHURNWATCH_DB;
    process.env.CHURNWATCH_DB = empty;
    try {
      expect(await withDashboardWarehouse(backtestFigures)).toEqual({ available: false });
    } finally {
      if (previous === undefined) delete process.env.CHURNWATCH_DB;
      else process.env.CHURNWATCH_DB = previous;
    }
  });

  it("ships no full number or IMEI of the warehouse and nothing from a CDN", async () => {
    const personal = new Set(
      (
        await query<{ v: string }>(
          `select msisdn as v from raw_members union select msisdn from raw_cdr union select other_party from raw_cdr
           union select imei from raw_cdr where imei is not null union select phone from raw_managers union select phone from raw_groups`,
        )
      ).map((r) => r.v),
    );
    expect(personal.size).toBeGreaterThan(10);
    const found: string[] = [];
    let masked = 0;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) {
          walk(path);
          continue;
        }
        const text = readFileSync(path).toString("latin1");
        expect(text, path).not.toMatch(/jsdelivr|googleapis|gstatic|extensions\.duckdb\.org|unpkg/);
        for (const m of text.matchAll(/(?<!\d)(\d{11,16})(?!\d)/g)) if (personal.has(m[1])) found.push(`${path}: ${m[1].slice(0, 3)}…`);
        masked += text.match(/\d{3}\*{4}\d{4}/g)?.length ?? 0;
      }
    };
    walk(fixture.dist);
    expect(found).toEqual([]);
    expect(masked, "members are shown, masked").toBeGreaterThan(0);
  });
});

describe("the dashboard says what the exports and the published layer say", () => {
  interface Shown {
    group_id: string;
    risk_score: number;
    tier: string;
    signals: string;
    members_flagged: number;
    revenue: number;
  }
  const cents = (x: number) => Math.round(x * 100) / 100;
  const byGroup = (a: { group_id: string }, b: { group_id: string }) => a.group_id.localeCompare(b.group_id);
  const shown = (row: Shown): Shown => ({
    group_id: row.group_id, risk_score: row.risk_score, tier: row.tier, signals: row.signals,
    members_flagged: row.members_flagged, revenue: cents(row.revenue),
  });

  it("every group of every scored week: score, tier, signals, members flagged and revenue as exported", async () => {
    // at_risk_groups.csv has no revenue column: the group's revenue is pub_group_week's, which the export lists from.
    const published = await query<{ week: string; group_id: string; revenue_cny: number }>("select week, group_id, revenue_cny from pub_group_week");
    const revenue = new Map(published.map((r) => [`${r.week} ${r.group_id}`, r.revenue_cny]));
    const atRisk = shippedRows<Shown & { week: string }>("at_risk.arrow");
    const summary = shippedRows<Record<string, number> & { week: string }>("week_summary.arrow");
    const breakdown = shippedRows<{ week: string; dimension: string; value: string; tier: string; groups: number; members_flagged: number; revenue: number }>("week_breakdown.arrow");
    const drillDowns = shippedDrillDowns();
    const everExported = new Set<string>();
    let compared = 0;

    for (const week of fixture.weeks) {
      const rows = exportedGroups(week);
      expect(rows.length, `${week}: groups exported`).toBeGreaterThan(0);
      const exported = rows.map((r) => {
        const value = revenue.get(`${week} ${r.group_id}`);
        expect(value, `${week} ${r.group_id}: published revenue`).toBeDefined();
        return {
          facts: r,
          group: shown({ group_id: r.group_id, risk_score: Number(r.risk_score), tier: r.tier, signals: r.signals, members_flagged: Number(r.members_flagged), revenue: value! }),
        };
      });
      const atRiskExported = exported.filter((e) => e.group.tier !== "low").map((e) => e.group);
      for (const e of exported) everExported.add(e.group.group_id);

      // Medium/high groups: the at-risk table and manager page list exactly these, with the same figures.
      expect(atRisk.filter((r) => r.week === week).map(shown).sort(byGroup), `${week}: at-risk table`).toEqual([...atRiskExported].sort(byGroup));

      // Every group's drill-down shows every week as exported, low groups and weeks included.
      for (const { group } of exported) {
        const page = drillDowns.get(group.group_id);
        expect(page, `${week} ${group.group_id}: drill-down`).toBeDefined();
        const i = page!.weeks.indexOf(week);
        expect(i, `${week} ${group.group_id}: drill-down week`).toBeGreaterThanOrEqual(0);
        const row = Object.fromEntries(Object.entries(page!.w).map(([k, values]) => [k, values[i]])) as unknown as Shown;
        expect(shown({ ...row, group_id: page!.id }), `${week} ${group.group_id}: drill-down`).toEqual(group);
        compared++;
      }

      // Every group, low ones included, adds up in the overview's breakdowns and headline figures.
      const columns = { branch: "branch", industry: "industry", class: "group_class" } as const;
      for (const [dimension, column] of Object.entries(columns)) {
        const expected: Record<string, { groups: number; members_flagged: number; revenue: number }> = {};
        for (const { facts, group } of exported) {
          const key = `${facts[column] || "(未填)"} ${group.tier}`;
          const sum = (expected[key] ??= { groups: 0, members_flagged: 0, revenue: 0 });
          sum.groups++;
          sum.members_flagged += group.members_flagged;
          sum.revenue = cents(sum.revenue + group.revenue);
        }
        const shownBreakdown = Object.fromEntries(
          breakdown.filter((b) => b.week === week && b.dimension === dimension)
            .map((b) => [`${b.value} ${b.tier}`, { groups: b.groups, members_flagged: b.members_flagged, revenue: cents(b.revenue) }]),
        );
        expect(shownBreakdown, `${week}: breakdown by ${dimension}`).toEqual(expected);
      }
      const headline = summary.find((s) => s.week === week);
      const count = (tier: string) => exported.filter((e) => e.group.tier === tier).length;
      const total = (list: Shown[], key: "members_flagged" | "revenue") => cents(list.reduce((n, g) => n + g[key], 0));
      const all = exported.map((e) => e.group);
      expect(headline && {
        groups_scored: headline.groups_scored, groups_high: headline.groups_high, groups_medium: headline.groups_medium,
        groups_low: headline.groups_low, members_flagged: headline.members_flagged,
        revenue_total: cents(headline.revenue_total), revenue_at_risk: cents(headline.revenue_at_risk),
      }, `${week}: headline figures`).toEqual({
        groups_scored: all.length, groups_high: count("high"), groups_medium: count("medium"), groups_low: count("low"),
        members_flagged: total(all, "members_flagged"), revenue_total: total(all, "revenue"), revenue_at_risk: total(atRiskExported, "revenue"),
      });
    }

    // A drill-down exists for exactly the groups exported in some week, low ones included.
    expect([...drillDowns.keys()].sort()).toEqual([...everExported].sort());
    expect(compared).toBeGreaterThan(fixture.weeks.length);
  });

  it("the manager page's call list is the one the export published, masked", async () => {
    const calls = shippedRows<Record<string, unknown>>("calls.arrow");
    const published = await query<Record<string, unknown>>(
      `select coalesce(manager_id, '') as manager_id, priority, group_id, tier, member_key, msisdn_masked, suggested_action
       from pub_call_list where week = $week order by manager_id, priority`,
      { week: latestWeek },
    );
    expect(published.length, "the latest week has a call list").toBeGreaterThan(0);
    expect(calls.map((c) => ({
      manager_id: c.manager_id, priority: c.priority, group_id: c.group_id, tier: c.tier,
      member_key: c.member_key, msisdn_masked: c.msisdn_masked, suggested_action: c.suggested_action,
    }))).toEqual(published);
    expect(calls.every((c) => c.week === latestWeek && c.page === groupPageSlug(String(c.group_id)))).toBe(true);
    expect(Object.keys(calls[0])).not.toContain("msisdn");
  });

  it("Methodology shows the configuration the latest week was scored with, from the warehouse", async () => {
    const thresholds = JSON.parse(shipped("dashboard", "thresholds.json").toString("utf8"));
    const [stored] = await query<{ config: string; config_hash: string }>(
      "select config::varchar as config, config_hash from score_runs where week = $week",
      { week: latestWeek },
    );
    const config = JSON.parse(stored.config);
    expect(thresholds).toMatchObject({ config_hash: stored.config_hash, scored_week: latestWeek, signals: config.signals, scoring: config.scoring });
  });
});
