import ExcelJS from "exceljs";
import { callListColumns } from "./callListColumns.ts";
import type { CallListRow } from "./buildCallLists.ts";
import { fixZipTimestamps } from "./fixZipTimestamps.ts";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };
const HIGH_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFCE4D6" } };

function howToUse(week: string, managerLabel: string, asOf: string): string[][] {
  return [
    ["使用说明", ""],
    ["清单", `${managerLabel} 的集团客户挽留呼叫清单，${week}（清单日期 ${asOf}）`],
    ["顺序", "按“优先级”从 1 开始逐个联系：先高风险（high）集团，再中风险（medium）；同一集团先关键人，后受影响的中高端成员"],
    ["风险等级", "high：本周与主管一同上门拜访；medium：本周电话回访"],
    ["完成日期", "每行最晚在“完成日期”前完成联系（A/B类集团比C类更早）"],
    ["保密", "“预警原因”只供您本人参考，切勿向客户透露看到的数据；与客户沟通时按“建议措施”以关怀和优惠的方式进行"],
    ["号码", "联系号码仅用于拨打，不得外传；本文件仅限本人使用，用后妥善保管"],
    ["", ""],
    ["列", "含义"],
    ...callListColumns.map((c) => [`${c.key}（${c.label}）`, c.meaning]),
  ];
}

/**
 * A manager's call list as a workbook: the list on the first sheet (header frozen and styled, widths
 * set, high-tier rows shaded, numbers as text so Excel keeps all 11 digits), then 使用说明.
 * Byte-stable: the workbook dates and every zip entry's time are `asOf` (the Monday after the week),
 * never the wall clock.
 */
export async function callListWorkbook(week: string, managerLabel: string, rows: CallListRow[], asOf: string): Promise<Buffer> {
  const stamp = new Date(`${asOf}T00:00:00+08:00`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "churnwatch";
  workbook.lastModifiedBy = "churnwatch";
  workbook.created = stamp;
  workbook.modified = stamp;

  const sheet = workbook.addWorksheet(`呼叫清单 ${week}`, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = callListColumns.map((c) => ({ header: c.key, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  header.alignment = { vertical: "middle" };
  header.height = 20;
  for (const row of rows) {
    const added = sheet.addRow({ ...row, person_msisdn: String(row.person_msisdn) });
    added.alignment = { vertical: "top", wrapText: true };
    if (row.tier === "high") added.fill = HIGH_FILL;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: callListColumns.length } };

  const help = workbook.addWorksheet("使用说明");
  help.columns = [{ width: 28 }, { width: 100 }];
  for (const line of howToUse(week, managerLabel, asOf)) help.addRow(line).alignment = { vertical: "top", wrapText: true };
  help.getRow(1).font = { bold: true, size: 14 };
  help.getRow(help.rowCount - callListColumns.length).font = { bold: true };

  return fixZipTimestamps(Buffer.from(await workbook.xlsx.writeBuffer()), stamp);
}
