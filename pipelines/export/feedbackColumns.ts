import type { WorkbookColumn } from "./workbookColumn.ts";

/** How the manager fills a feedback column: a drop-down of `values`, free text, or a date. */
export type FeedbackInput = "list" | "text" | "date";

export interface FeedbackColumn extends WorkbookColumn {
  readonly input: FeedbackInput;
}

/**
 * The columns the manager fills in after each call (outputs.md, "the columns the manager fills in"),
 * in the workbook after the list's columns. The one code↔label table for them: the workbook offers
 * the labels in drop-downs, and reading a returned workbook maps each label back to its code here.
 */
export const feedbackColumns = [
  {
    key: "contact_result", header: "联系结果", width: 9.5, input: "list", meaning: "这次联系是否联系上本人",
    values: [
      { code: "reached", label: "已联系", hint: "通上电话或见到本人" },
      { code: "not_reached", label: "未接通", hint: "没联系上，下周清单会继续列出此人" },
      { code: "refused", label: "拒绝沟通", hint: "联系上了，但对方不愿沟通" },
    ],
  },
  {
    key: "outcome", header: "结果", width: 11, input: "list", meaning: "沟通后您对客户去留的判断",
    values: [
      { code: "stable", label: "稳定", hint: "没有离网的迹象" },
      { code: "at_risk", label: "有离网意向", hint: "客户在考虑转网或离开集团" },
      { code: "retained", label: "已挽留", hint: "客户曾有离网意向，经沟通同意留下" },
      { code: "lost", label: "已流失", hint: "客户已转网或已确定离开" },
    ],
  },
  {
    key: "competitor", header: "竞争对手", width: 6.5, input: "list", meaning: "客户提到的其他运营商",
    values: [
      { code: "CU", label: "联通" },
      { code: "CT", label: "电信" },
      { code: "none", label: "无", hint: "没有其他运营商在接触客户" },
      { code: "unknown", label: "不详", hint: "不清楚" },
    ],
  },
  { key: "competitor_offer", header: "对方优惠", width: 12, input: "text", meaning: "客户提到的对方优惠，简要记录（如“预存100元送200元”）" },
  { key: "note", header: "备注", width: 12, input: "text", meaning: "其他需要记录的情况，如约定再次联系的时间" },
  { key: "contacted_on", header: "联系日期", width: 11, input: "date", meaning: "实际联系的日期（如 2026-11-25）" },
] as const satisfies readonly FeedbackColumn[];
