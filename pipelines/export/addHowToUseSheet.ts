import type ExcelJS from "exceljs";
import { a4PageSetup } from "./a4PageSetup.ts";
import { callListColumns } from "./callListColumns.ts";
import { callListLayout as layout } from "./callListLayout.ts";
import { contactedOnWindow } from "./contactedOnWindow.ts";
import { feedbackColumns } from "./feedbackColumns.ts";
import { fitRowHeight } from "./fitRowHeight.ts";
import type { ListSheetColumn } from "./workbookColumns.ts";

// The term, then its explanation: together one A4 portrait page wide.
const WIDTHS = [16, 90];
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const BOLD: Partial<ExcelJS.Font> = { bold: true };

/** One column explained: its meaning, then its values (what each means, when it says). */
function explain(column: ListSheetColumn, week: string): string {
  const values = (column.values ?? []).map((v) => (v.hint ? `${v.label}（${v.hint}）` : v.label));
  if (values.length > 0) return `${column.meaning}。${column.input ? "从下拉列表中选择" : "取值"}：${values.join("；")}`;
  if (column.input === "date") {
    const { first, last } = contactedOnWindow(week);
    return `${column.meaning}；本清单可填 ${first} 至 ${last}`;
  }
  return column.meaning;
}

/**
 * The 使用说明 sheet: what the list is, how to work through it, the 保密 rule, how to fill in and
 * return it, and every column of the list sheet (list and feedback) with its values — in plain Chinese.
 */
export function addHowToUseSheet(workbook: ExcelJS.Workbook, week: string, managerLabel: string, asOf: string): void {
  const sheet = workbook.addWorksheet(layout.howToUseSheetName, { pageSetup: a4PageSetup("portrait") });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const add = (cells: string[], font?: Partial<ExcelJS.Font>) => {
    const row = sheet.addRow(cells);
    row.alignment = { vertical: "top", wrapText: true };
    row.height = fitRowHeight(cells.map((text, i) => ({ text, width: WIDTHS[i] })));
    if (font) row.font = font;
  };
  add(["使用说明"], TITLE_FONT);
  add(["清单", `${managerLabel} 的集团客户挽留呼叫清单，${week}（清单日期 ${asOf}）`]);
  add(["顺序", "按“优先级”从 1 开始逐个联系，每一行最晚在“完成日期”前完成"]);
  add(["保密", "“预警原因”只供您本人参考。与客户沟通时，切勿透露系统看到的任何数据或行为（例如“我们看到您把来电转移到了别的号码”），这会让客户觉得被监视；请按“建议措施”，以关怀和优惠的方式沟通"], BOLD);
  add(["号码", "本文件含客户的完整号码，仅限您本人使用，不得转发；用完妥善保管"]);
  add(["填写", "每次联系后，在右侧浅黄色的列中记录：“联系结果”“结果”“竞争对手”从下拉列表中选择，“联系日期”填写日期。没联系上的客户，下周清单会继续列出"]);
  add(["交回", `填好后把本文件原样交回。请不要修改清单各列和表头，不要增删行，也不要删除隐藏的第 ${layout.keyRow} 行（系统靠它识别各列）`]);
  add([]);
  add(["清单的列", "含义"], BOLD);
  for (const column of callListColumns) add([column.header, explain(column, week)]);
  add(["您填写的列", "含义"], BOLD);
  for (const column of feedbackColumns) add([column.header, explain(column, week)]);
}
