import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FeedbackConfig } from "../config/feedbackConfig.ts";
import { sql } from "../db/sql.ts";
import { printable } from "../lib/printable.ts";
import { checkCalls } from "./checkCalls.ts";
import type { FeedbackFileReport } from "./feedbackReport.ts";
import type { ReturnFile } from "./findReturnFiles.ts";
import { readCalls } from "./readCalls.ts";
import { readReturnedCsv } from "./readReturnedCsv.ts";
import { readReturnedWorkbook } from "./readReturnedWorkbook.ts";
import { recordRefusal } from "./recordRefusal.ts";
import { Refusal } from "./refusal.ts";
import { refusalMessage } from "./refusalMessage.ts";
import { resolveReturnFile } from "./resolveReturnFile.ts";
import { returnFileKind } from "./returnFileKind.ts";
import { storeCalls } from "./storeCalls.ts";
import { whoseList, type WhoseList } from "./whoseList.ts";

/**
 * The bytes of a file within the size limit: the size is checked before reading, and again after.
 * Opened without following a link, so a file swapped for a link after it was checked is not read.
 */
function readLimited(path: string, limit: number): Buffer {
  const tooLarge = (size: number) => new Refusal(`${size} bytes, above feedback.maxFileBytes (${limit}): not a call list`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    throw new Refusal("cannot be opened: it changed while being loaded, or is not readable");
  }
  try {
    const { size } = fstatSync(fd);
    if (size > limit) throw tooLarge(size);
    const bytes = readFileSync(fd);
    if (bytes.length > limit) throw tooLarge(bytes.length);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads one returned file, whole or not at all: confined to its folder, within the size limits,
 * a workbook or CSV by its bytes, known by its checksum (the same bytes again: unchanged, nothing
 * done), whose list it answers, every call record checked (values, dates, the list's lines), then
 * stored in one transaction. A refused file is recorded in feedback_files with its message.
 */
export async function loadReturnFile(conn: DuckDBConnection, found: ReturnFile, config: FeedbackConfig, loadedAt: string): Promise<FeedbackFileReport> {
  const file = printable(found.relativePath);
  const report: FeedbackFileReport = {
    file, outcome: "refused", sha256: null, managerId: null, week: null, rows: 0, replaced: 0, blank: 0, message: null, problems: [],
  };
  let list: WhoseList | null = null;
  try {
    const bytes = readLimited(resolveReturnFile(found.root, found.relativePath), config.maxFileBytes);
    report.sha256 = createHash("sha256").update(bytes).digest("hex");
    const [loaded] = await sql.query<{ manager_id: string | null; week: string; rows: number }>(
      conn, "select manager_id, week, rows from feedback_files where sha256 = $sha256 and outcome = 'loaded' limit 1", { sha256: report.sha256 },
    );
    if (loaded) return { ...report, outcome: "unchanged", managerId: loaded.manager_id, week: loaded.week, rows: Number(loaded.rows) };

    const sheet = returnFileKind(found.relativePath, bytes) === "xlsx" ? await readReturnedWorkbook(bytes, config) : readReturnedCsv(bytes);
    if (sheet.lines.length > config.maxRows) throw new Refusal(`${sheet.lines.length} lines, above feedback.maxRows (${config.maxRows}): not a call list`);
    list = await whoseList(conn, sheet, found.relativePath);
    const { calls, blank, problems } = readCalls(sheet, list.week);
    problems.push(...(await checkCalls(conn, sheet, list, calls)));
    if (problems.length > 0) throw new Refusal(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
    const replaced = await storeCalls(conn, { sha256: report.sha256, fileName: file }, list, calls, loadedAt);
    return { ...report, outcome: "loaded", managerId: list.managerId, week: list.week, rows: calls.length, replaced, blank };
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    const message = refusalMessage(file, e.problems);
    await recordRefusal(conn, { sha256: report.sha256 ?? "", fileName: file, managerId: list?.managerId ?? null, week: list?.week ?? null, message }, loadedAt);
    return { ...report, managerId: list?.managerId ?? null, week: list?.week ?? null, message, problems: e.problems };
  }
}
