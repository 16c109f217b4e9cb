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

/** Every full number and IMEI the warehouse holds: what no shipped or downloaded byte may contain. */
async function personalValues(): Promise<Set<string>> {
  const found = await query<{ v: string }>(
    `select msisdn as v from raw_members union select msisdn from raw_cdr union select other_party from raw_cdr
     union select imei from raw_cdr where imei is not null union select phone from raw_managers union select phone from raw_groups`,
  );
  return new Set(found.map((r) => r.v));
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
  const data = join(fixture.dist, "_file", "data");
  const out = new Map<string, DrillDown>();
  for (const archive of readdirSync(data).filter((d) => /^groups\d$/.test(d))) {
    for (const f of readdirSync(join(data, archive))) {
      for (const group of Object.values(JSON.parse(readFileSync(join(data, archive, f), "utf8")) as Record<string, DrillDown>)) out.set(group.id, group);
    }
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
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      // Nothing to scroll sideways: the reasons wrap inside the page (1400 px window).
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0], `${name}: page width`).toBeLessThanOrEqual(widths[1]);
      // Labels a person reads are plain Chinese: headings, column heads, input labels, buttons, notices.
      const english = await page.$$eval("h1, h2, h3, th, label, button, .notice, .dt-toolbar, .metric h2, #observablehq-sidebar", (nodes) =>
        nodes.flatMap((n) => (n as HTMLElement).innerText.match(/(?<![A-Za-z0-9_.\-/])[A-Za-z]{3,}(?![A-Za-z0-9_.\-/])/g) ?? []),
      );
      expect(english.filter((w) => !["VIP", "CSV", "AUC", "MOU", "ARPU", "churnwatch", "run", "backtest", "score", "week"].includes(w)), `${name}: English words`).toEqual([]);
      const text = await page.evaluate(() => document.body.innerText);
      expect(text, `${name}: no raw configuration path or null`).not.toMatch(/\bnull\b|\bsignals\.\w|\bscoring\.\w|NaN|undefined/);
      if (["overview", "signal-quality", "data-quality", "methodology"].includes(name)) expect(text, `${name}: times say 北京时间`).toContain("北京时间");
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
    const personal = await personalValues();
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
        expect(text, path).not.toMatch(/jsdelivr|googleapis|gstatic|extensions\.duckdb\.org|unpkg|registry\.npmjs/);
        for (const m of text.matchAll(/(?<!\d)(\d{11,16})(?!\d)/g)) if (personal.has(m[1])) found.push(`${path}: ${m[1].slice(0, 3)}…`);
        masked += text.match(/\d{3}\*{4}\d{4}/g)?.length ?? 0;
      }
    };
    walk(fixture.dist);
    expect(found).toEqual([]);
    expect(masked, "members are shown, masked").toBeGreaterThan(0);
  });
});

/** A table's visible rows as its cells' CSV values (data-csv), details rows joined to their row, and its header keys. */
async function visibleTable(page: Page, testid: string): Promise<{ header: string[]; rows: string[][] }> {
  return page.$eval(`[data-testid="${testid}"]`, (wrap) => {
    const table = wrap.querySelector("table")!;
    const header = [...table.querySelectorAll("thead th")].map((th) => th.getAttribute("data-key")!);
    const columns = header.length;
    const details = table.getAttribute("data-details-key");
    if (details) header.push(details);
    const rows: string[][] = [];
    for (const tr of table.querySelectorAll("tbody tr")) {
      const cells = [...tr.querySelectorAll("td[data-csv]")].map((td) => td.getAttribute("data-csv")!);
      if (tr.classList.contains("details")) rows[rows.length - 1][columns] = cells[0];
      else if (cells.length) rows.push(details ? [...cells, ""] : cells);
    }
    return { header, rows };
  });
}

/** Clicks a table's download button and returns the file's text. */
async function download(page: Page, testid: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"] [data-testid=download-csv]`)]);
  return readFileSync((await file.path())!, "utf8");
}

/** The planted high group's page, and a week in which its figures differ from the latest week's. */
async function groupWithTwoWeeks() {
  const group = await plantedHighGroup();
  const weeks = await query<{ week: string; risk_score: number; members_active: number }>(
    "select week, risk_score, members_active from pub_group_week where group_id = $g order by week",
    { g: group.group_id },
  );
  const latest = weeks.at(-1)!;
  const other = weeks.find((w) => w.risk_score !== latest.risk_score) ?? weeks[0];
  expect(other.week).not.toBe(latest.week);
  return { ...group, slug: groupPageSlug(group.group_id), latest: latest.week, other: other.week };
}

describe("every group, search, week, download, URL, print (issue 14)", () => {
  it("opens the drill-down of a group that was never medium or high", async () => {
    const [low] = await query<{ group_id: string; group_name: string }>(
      `select group_id, any_value(group_name) as group_name from pub_group_week group by group_id
       having bool_and(tier = 'low') order by group_id limit 1`,
    );
    expect(low, "a group low in every week").toBeDefined();
    const page = await open(`pages/group.html?g=${encodeURIComponent(groupPageSlug(low.group_id))}`, "[data-testid=week-score]");
    expect(await page.textContent("h1")).toContain(low.group_name);
    expect(await page.textContent("[data-testid=week-score] .tier")).toBe("低");
    expect(await page.locator("[data-testid=members] tbody tr.main").count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "group-low.png"), fullPage: true });
    await page.close();
  });

  it("says in plain words that an id is unknown, or that none is given, with no console error", async () => {
    const before = consoleErrors.length;
    for (const [name, path] of [["group-unknown", "pages/group.html?g=NO-SUCH-GROUP"], ["group-none", "pages/group.html"]]) {
      const page = await open(path, "[data-testid=group-missing]");
      const text = await page.textContent("[data-testid=group-missing]");
      expect(text).toMatch(name === "group-unknown" ? /没有找到编号为“NO-SUCH-GROUP”的集团/ : /请先选择一个集团/);
      expect(await page.locator(".observablehq--error").count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.close();
    }
    expect(consoleErrors.slice(before)).toEqual([]);
  });

  it("finds any group by id or by part of its name from every page, and opens it", async () => {
    const [low] = await query<{ group_id: string; group_name: string }>(
      "select group_id, group_name from pub_group_week where week = $week and tier = 'low' order by group_id limit 1",
      { week: latestWeek },
    );
    for (const path of ["index.html", "pages/signal-quality.html"]) {
      const page = await open(path, "[data-testid=group-search]");
      await page.fill("[data-testid=group-search]", low.group_name.slice(0, 4));
      await expect.poll(() => page.locator("[data-testid=group-search-results] a", { hasText: low.group_name }).count()).toBe(1);
      await page.fill("[data-testid=group-search]", low.group_id.toLowerCase());
      await page.locator("[data-testid=group-search-results] a").first().waitFor();
      await Promise.all([page.waitForURL(/group\.html\?g=/), page.press("[data-testid=group-search]", "Enter")]);
      await page.waitForSelector("[data-testid=week-score]");
      expect(await page.textContent("h1")).toContain(low.group_name);
      await page.close();
    }
    const page = await open("index.html", "[data-testid=group-search]");
    await page.fill("[data-testid=group-search]", "没有这个集团");
    await expect.poll(() => page.textContent("[data-testid=group-search-results]")).toContain("没有找到匹配的集团");
    await page.close();
  });

  it("the drill-down's week selector drives every figure: facts, score, members lost, each member's minutes, baseline, status and last activity, the charts", async () => {
    const group = await groupWithTwoWeeks();
    const page = await open(`pages/group.html?g=${encodeURIComponent(group.slug)}`, "[data-testid=members]");
    const charts = () => page.$$eval("[data-testid=score-chart] svg[viewBox], [data-testid=usage-chart] svg[viewBox], [data-testid=handset-mix] svg[viewBox]", (svgs) => svgs.map((s) => s.outerHTML));
    const check = async (week: string) => {
      const [g] = await query<{ risk_score: number; members_active: number; members_listed: number; members_lost: number }>(
        "select round(risk_score, 1)::double as risk_score, members_active, members_listed, members_lost from pub_group_week where group_id = $g and week = $week",
        { g: group.group_id, week },
      );
      await expect.poll(() => page.textContent("[data-testid=week-score] h2")).toContain(week);
      expect(Number(await page.textContent("[data-testid=risk-score]"))).toBe(g.risk_score);
      expect(await page.textContent("[data-testid=fact-members]")).toBe(`在网 ${g.members_active} / 名单 ${g.members_listed} 人`);
      expect(await page.textContent("[data-testid=members-lost]")).toContain(`本周离开 ${g.members_lost} 人`);
      const members = await query<{ member_key: string; minutes: number; baseline: number | null; status: string; last_active: string | null }>(
        `select p.member_key, round(p.minutes_total)::integer as minutes, round(p.baseline_minutes)::integer as baseline, p.status,
                (select coalesce(a.last_seen_day::varchar, a.week) from pub_member_week a
                 where a.group_id = p.group_id and a.member_key = p.member_key and a.week <= p.week and a.active_days > 0
                 order by a.week desc limit 1) as last_active
         from pub_member_week p where p.group_id = $g and p.week = $week order by p.member_key`,
        { g: group.group_id, week },
      );
      const shown = await visibleTable(page, "members");
      const col = (key: string) => shown.header.indexOf(key);
      const rows = shown.rows
        .map((r) => ({ member_key: r[col("member_key")], minutes: Number(r[col("minutes")]), baseline: r[col("baseline")] === "" ? null : Number(r[col("baseline")]), status: r[col("status")], last_active: r[col("last_active")] || null }))
        .sort((a, b) => a.member_key.localeCompare(b.member_key));
      const STATUS: Record<string, string> = { active: "正常", suspended: "停机", closed: "销户", ported_out: "携号转出", left_group: "退出集团" };
      expect(rows).toEqual(members.map((m) => ({ ...m, status: STATUS[m.status] })));
      return charts();
    };
    const latestCharts = await check(group.latest);
    await page.selectOption("form select", group.other);
    const otherCharts = await check(group.other);
    expect(latestCharts).toHaveLength(3);
    latestCharts.forEach((svg, i) => expect(otherCharts[i], `chart ${i} marks the week picked`).not.toBe(svg));
    expect(new URL(page.url()).searchParams.get("w")).toBe(group.other);
    await page.close();
  });

  it("the risk card's members lost agree with the retention warning's own sentence (no 'lost 0' beside '4 of 11 left')", async () => {
    const fired = await query<{ group_id: string; week: string; lost: number; ported: number; window_weeks: number }>(
      `select group_id, week, (detail->>'lost')::integer as lost, (detail->>'ported')::integer as ported, (detail->>'window_weeks')::integer as window_weeks
       from pub_group_signal where signal = 'retention_drop' order by week desc, group_id limit 2`,
    );
    expect(fired.length, "the fixture has a retention warning").toBeGreaterThan(0);
    for (const f of fired) {
      const weeks = await query<{ week: string }>("select week from pub_group_week where group_id = $g and week <= $w order by week", { g: f.group_id, w: f.week });
      const page = await open(`pages/group.html?g=${encodeURIComponent(groupPageSlug(f.group_id))}&w=${f.week}`, "[data-testid=members-lost]");
      const text = await page.textContent("[data-testid=members-lost]");
      expect(text).toContain(`近 ${Math.min(f.window_weeks, weeks.length)} 周离开 ${f.lost} 人（其中携号转网 ${f.ported} 人）`);
      await page.close();
    }
  });

  it("downloads exactly the rows shown, in their order, masked, as UTF-8 CSV with a BOM", async () => {
    const atRisk = await query<{ branch: string }>("select branch from pub_group_week where week = $week and tier in ('high', 'medium')", { week: latestWeek });
    const page = await open("pages/at-risk.html", "[data-testid=at-risk-table]");
    await page.selectOption("form[data-filter=branch] select", { label: atRisk[0].branch });
    await page.click("[data-testid=at-risk-table] th[data-key=members_flagged] button"); // sort by another column
    const parse = (text: string) => parseCsv(text.replace(/^\uFEFF/, ""));
    const text = await download(page, "at-risk-table");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const shown = await visibleTable(page, "at-risk-table");
    expect(shown.rows.length).toBe(atRisk.filter((r) => r.branch === atRisk[0].branch).length);
    expect(parse(text)).toEqual([shown.header, ...shown.rows]);
    await page.close();

    const group = await groupWithTwoWeeks();
    const drill = await open(`pages/group.html?g=${encodeURIComponent(group.slug)}`, "[data-testid=members]");
    const members = await download(drill, "members");
    const table = await visibleTable(drill, "members");
    expect(parse(members)).toEqual([table.header, ...table.rows]);
    expect(members).toMatch(/\d{3}\*{4}\d{4}/);
    // Compared with the warehouse's own numbers, not a phone-number shape: a member_key is hex and
    // can hold eleven digits in a row (CI met "15155981070a3d86").
    const personal = await personalValues();
    const leaked = parse(members).flat().filter((cell) => [...personal].some((v) => cell.includes(v)));
    expect(leaked.length, "cells holding a full number or IMEI").toBe(0);
    await drill.close();
  });

  it("keeps the filters in the URL and restores them from it", async () => {
    const previousWeek = fixture.weeks.at(-2)!;
    const rows = await query<{ branch: string; tier: string; group_name: string }>(
      "select branch, tier, group_name from pub_group_week where week = $week and tier in ('high', 'medium') order by group_id",
      { week: previousWeek },
    );
    const { branch, tier } = rows[0];
    const page = await open(`pages/at-risk.html?week=${previousWeek}&branch=${encodeURIComponent(branch)}&tier=${tier}`, "[data-testid=at-risk-table]");
    expect(await page.textContent("form select option:checked")).toBe(previousWeek);
    expect(await page.textContent("form[data-filter=tier] select option:checked")).toBe(tier === "high" ? "高风险" : "中风险");
    expect(await page.textContent("form[data-filter=branch] select option:checked")).toBe(branch);
    const names = await page.$$eval("a.group-link", (links) => links.map((l) => l.textContent).sort());
    expect(names).toEqual(rows.filter((r) => r.branch === branch && r.tier === tier).map((r) => r.group_name).sort());
    await page.selectOption("form[data-filter=tier] select", { label: "全部" });
    await expect.poll(() => new URL(page.url()).searchParams.get("tier")).toBe(null);
    expect(new URL(page.url()).searchParams.get("week")).toBe(previousWeek);
    await page.close();
  });

  it("prints every page on A4 landscape with every column of every table on the paper", async () => {
    const group = await groupWithTwoWeeks();
    const paths = ["index.html", "pages/at-risk.html", `pages/group.html?g=${encodeURIComponent(group.slug)}`, "pages/manager.html", "pages/signal-quality.html", "pages/data-quality.html", "pages/methodology.html"];
    // A4 landscape less 10 mm margins: 277 mm wide, at CSS's 96 px per inch.
    const paperWidth = Math.floor((277 / 25.4) * 96);
    for (const path of paths) {
      const page = await browser.newPage({ viewport: { width: paperWidth, height: 900 } });
      await page.emulateMedia({ media: "print" });
      await page.goto(served.url + path, { waitUntil: "networkidle" });
      await page.waitForSelector("h1");
      await page.waitForTimeout(300);
      const overflow = await page.evaluate((width) => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > width + 1) out.push(`page ${document.documentElement.scrollWidth}px wide`);
        for (const th of document.querySelectorAll("table th")) {
          const box = th.getBoundingClientRect();
          if (box.right > width + 1 || box.width === 0) out.push(`${th.textContent} ends at ${Math.round(box.right)}px`);
        }
        if (getComputedStyle(document.querySelector("#observablehq-sidebar")!).display !== "none") out.push("sidebar printed");
        return out;
      }, paperWidth);
      expect(overflow, path).toEqual([]);
      const pdf = await page.pdf({ format: "A4", landscape: true });
      expect(pdf.length, `${path} prints`).toBeGreaterThan(10_000);
      if (path.includes("at-risk")) await page.screenshot({ path: join(SCREENSHOTS, "at-risk-print.png"), fullPage: true });
      await page.close();
    }
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
