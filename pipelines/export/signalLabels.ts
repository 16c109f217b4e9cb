import type { SignalCode } from "../config/scoringConfig.ts";

/** The warnings' names as managers know them (domain.md), for reasons and the 使用说明 sheet. */
export const signalLabels: Record<SignalCode, string> = {
  zero_outgoing: "零次通话",
  batch_forwarding: "成员批量呼叫转移",
  mou_drop: "MOU预警",
  arpu_drop: "ARPU预警",
  revenue_drop: "收入异常",
  retention_drop: "集团保有率预警",
  dual_phone: "双机客户",
  contract_expiry: "协议到期",
  arrears: "欠费停机",
  handset_change: "终端更换",
  key_person_change: "关键人变动",
};
