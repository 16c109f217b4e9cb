import { SIGNAL_CODES, type SignalCode } from "../config/scoringConfig.ts";
import { signalLabels } from "../export/signalLabels.ts";

/** English beside the operator's Chinese term (domain.md), for chart labels and legends. */
const english: Record<SignalCode, string> = {
  zero_outgoing: "zero outgoing calls",
  batch_forwarding: "batch call forwarding",
  mou_drop: "minutes-of-use drop",
  arpu_drop: "ARPU drop",
  revenue_drop: "revenue anomaly",
  retention_drop: "group retention drop",
  dual_phone: "dual-phone customer",
  contract_expiry: "agreement expiring",
  arrears: "arrears suspension",
  handset_change: "handset change",
};

export interface SignalName {
  code: SignalCode;
  zh: string;
  en: string;
}

/** Every signal code in README order, with its names. */
export function signalNames(): SignalName[] {
  return SIGNAL_CODES.map((code) => ({ code, zh: signalLabels[code], en: english[code] }));
}
