import type { ExportConfig } from "../config/exportConfig.ts";
import type { SignalCode } from "../config/scoringConfig.ts";
import { dropPhoneLike } from "../export/dropPhoneLike.ts";
import { signalLabels } from "../export/signalLabels.ts";

/** The first numbers of a signal's detail (nested objects flattened), never its text nor a phone-like value. */
function detailNumbers(detail: string, most: number): string {
  const parts: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === "number" && Number.isFinite(value)) parts.push(`${key} ${Number(value.toFixed(3))}`);
    else if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  try {
    walk(dropPhoneLike(JSON.parse(detail)), "");
  } catch {
    return "";
  }
  return parts.slice(0, most).join("，");
}

/**
 * A member signal's sentence: its name, its level and the first numbers of its detail, e.g.
 * `零次通话（3级：calls_out 0，expected_calls 12.5）`. Worded once, when the week is published
 * (pub_member_signal.reason); the call list quotes it.
 */
export function memberSignalReason(signal: string, severity: number, detail: string, config: ExportConfig): string {
  const numbers = detailNumbers(detail, config.reasonNumbersPerSignal);
  const label = signalLabels[signal as SignalCode] ?? signal;
  return `${label}（${severity}级${numbers ? `：${numbers}` : ""}）`;
}
