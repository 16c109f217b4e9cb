import type { WorkbookColumn } from "./workbookColumn.ts";

/**
 * The call list's columns (outputs.md, in order) for both the CSV and the workbook: the CSV header is
 * `key`, the workbook shows `header` and, for a coded column, each code's label. This is the one place
 * the codes' Chinese labels live; a new column (e.g. `carried_over`) is one more line here.
 */
export const callListColumns = [
  { key: "week", header: "预警周", width: 9.5, meaning: "数据所属的周（周一至周日）" },
  { key: "priority", header: "优先级", width: 5, meaning: "1 = 最先联系；高风险集团和关键人排在前面" },
  { key: "due_date", header: "完成日期", width: 11, meaning: "最晚在这一天前完成联系（高风险集团和A/B类集团更早）" },
  { key: "group_id", header: "集团编号", width: 8, meaning: "集团客户编号" },
  { key: "group_name", header: "集团名称", width: 14, meaning: "集团客户名称" },
  {
    key: "tier", header: "风险等级", width: 5, meaning: "集团本周的风险等级",
    values: [
      { code: "high", label: "高", hint: "本周由客户经理会同主管上门拜访" },
      { code: "medium", label: "中", hint: "本周电话回访" },
      { code: "low", label: "低", hint: "集团整体只需观察，此人因自身情况列入清单" },
    ],
  },
  {
    key: "person_role", header: "角色", width: 10, meaning: "要联系的人在集团中的角色",
    values: [
      { code: "decision_maker", label: "最高决策者" },
      { code: "dept_head", label: "通信部门负责人" },
      { code: "contact", label: "联系人" },
      { code: "influencer", label: "其他决策人" },
      { code: "member", label: "成员", hint: "VIP或高套餐的中高端成员" },
    ],
  },
  { key: "person_msisdn", header: "联系号码", width: 12.5, meaning: "要联系的人的号码（完整号码，仅供拨打，勿外传）" },
  { key: "reason", header: "预警原因", width: 32, meaning: "为什么要联系此人，附数据；仅供您本人参考，切勿向客户透露" },
  { key: "suggested_action", header: "建议措施", width: 26, meaning: "与客户沟通时的关怀与优惠建议" },
  {
    key: "carried_over", header: "上周未联系", width: 6, meaning: "此人在上周清单上但未联系上（或未回填），本周继续联系",
    values: [
      { code: "1", label: "是" },
      { code: "0", label: "否" },
    ],
  },
] as const satisfies readonly WorkbookColumn[];
