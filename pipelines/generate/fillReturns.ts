import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { addDays } from "../lib/isoWeek.ts";
import { callListLayout } from "../export/callListLayout.ts";
import { feedbackColumns } from "../export/feedbackColumns.ts";
import { labelOf } from "../export/workbookColumn.ts";
import { Random } from "./Random.ts";
import { subSeed } from "./subSeed.ts";
import { returnBehaviour } from "./returnBehaviour.ts";
import type { ScenarioRecord } from "./plantScenarios.ts";

type FeedbackKey = (typeof feedbackColumns)[number]["key"];
const column = (key: FeedbackKey) => feedbackColumns.find((c) => c.key === key)!;
const label = (key: FeedbackKey, code: string) => labelOf(column(key), code) ?? code;

/** The planted churn a group holds by week W (decoys are not churn), with the competitor it went to. */
function plantedBy(scenarios: readonly ScenarioRecord[], groupId: string, week: string): ScenarioRecord | undefined {
  return scenarios.find((s) => !s.decoy && s.group_id === groupId && s.start_week !== null && s.start_week <= week);
}

/**
 * What a manager would write on each line of their list, drawn from the line's own seeded stream so
 * the same lists give the same returns: most lines reached, some not, some left blank; outcomes that
 * agree with what the generator planted (a planted group is at risk, lost or retained; an ordinary one
 * stable), the competitor the scenario went to, now and then an offer and a note.
 */
function fill(row: ExcelJS.Row, keys: Map<string, number>, scenarios: readonly ScenarioRecord[], seed: number): boolean {
  const text = (key: string) => String(row.getCell(keys.get(key)!).value ?? "");
  const week = text("week");
  const group = text("group_id");
  const rng = new Random(subSeed(seed, "return", week, group, text("person_msisdn")));
  const b = returnBehaviour;
  const answer = rng.weighted([b.reached, b.notReached, b.blank]);
  if (answer === 2) return false;
  const set = (key: FeedbackKey, value: string | Date) => {
    row.getCell(keys.get(key)!).value = value;
  };
  const due = text("due_date");
  set("contacted_on", new Date(`${addDays(due, -rng.int(0, b.daysEarlyAtMost))}T00:00:00Z`));
  if (answer === 1) {
    set("contact_result", label("contact_result", "not_reached"));
    return true;
  }
  set("contact_result", label("contact_result", "reached"));
  const planted = plantedBy(scenarios, group, week);
  const outcome = planted ? ["at_risk", "retained", "lost"][rng.weighted(b.plantedOutcome)] : rng.chance(b.ordinaryAtRisk) ? "at_risk" : "stable";
  set("outcome", label("outcome", outcome));
  // the ground truth names the competitor in its notes ("… to 2 CT number(s) …")
  const network = /\b(CU|CT)\b/.exec(planted?.notes ?? "")?.[1];
  set("competitor", label("competitor", planted ? (network ?? "unknown") : "none"));
  if (planted && rng.chance(b.offerShare)) set("competitor_offer", b.offers[rng.int(0, b.offers.length - 1)]);
  if (rng.chance(b.noteShare)) set("note", b.notes[rng.int(0, b.notes.length - 1)]);
  return true;
}

export interface FilledReturns {
  /** The filled workbooks written, one per list that got any answer. */
  files: string[];
  lines: number;
  answered: number;
}

/**
 * Plays the managers of a sample run: reads the week's exported call-list workbooks
 * (`listsDir/<manager>.xlsx`), fills in the feedback columns as a manager would, and writes each to
 * `outDir` under the same name. Only for synthetic sample data (`churnwatch start`, tests): the
 * ground truth decides the outcomes, so the loop can be shown end to end.
 */
export async function fillReturns(listsDir: string, outDir: string, scenarios: readonly ScenarioRecord[], seed: number): Promise<FilledReturns> {
  const result: FilledReturns = { files: [], lines: 0, answered: 0 };
  // a week with nobody to call has no lists
  if (!existsSync(listsDir)) return result;
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(listsDir).filter((f) => f.endsWith(".xlsx")).sort()) {
    const workbook = new ExcelJS.Workbook();
    const bytes = readFileSync(join(listsDir, name));
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const keys = new Map<string, number>();
    sheet.getRow(callListLayout.keyRow).eachCell((cell, col) => keys.set(String(cell.value), col));
    let answered = 0;
    for (let r = callListLayout.firstDataRow; r <= sheet.rowCount; r++) {
      result.lines++;
      if (fill(sheet.getRow(r), keys, scenarios, seed)) answered++;
    }
    if (answered === 0) continue;
    result.answered += answered;
    const path = join(outDir, basename(name));
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()), { mode: 0o600 });
    result.files.push(path);
  }
  return result;
}
