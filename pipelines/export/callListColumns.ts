/**
 * The call list's columns (outputs.md, in order) for both the CSV and the workbook: the header keeps
 * the contract's names; `label` and `meaning` explain them to the manager on the 使用说明 sheet.
 */
export const callListColumns = [
  { key: "week", label: "预警周", width: 10, meaning: "数据所属的周（ISO周，周一至周日）" },
  { key: "priority", label: "优先级", width: 8, meaning: "1 = 最先联系；按风险等级、风险分、关键人优先排序" },
  { key: "due_date", label: "完成日期", width: 12, meaning: "最晚在这一天前完成联系（A/B类集团更早）" },
  { key: "group_id", label: "集团编号", width: 12, meaning: "集团客户编号" },
  { key: "group_name", label: "集团名称", width: 28, meaning: "集团客户名称" },
  { key: "tier", label: "风险等级", width: 9, meaning: "high = 本周与主管一同上门拜访；medium = 本周电话回访" },
  { key: "person_role", label: "成员角色", width: 15, meaning: "decision_maker 最高决策者、dept_head 通信部门负责人、contact 联系人、influencer 其他决策人、member 中高端成员" },
  { key: "person_msisdn", label: "联系号码", width: 14, meaning: "要联系的成员号码（完整，仅供拨打，勿外传）" },
  { key: "reason", label: "预警原因", width: 60, meaning: "仅供客户经理参考的预警原因和数据，切勿向客户透露" },
  { key: "suggested_action", label: "建议措施", width: 60, meaning: "与客户沟通时的关怀与优惠建议" },
] as const;
