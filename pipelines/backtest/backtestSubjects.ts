import { SIGNAL_CODES } from "../config/scoringConfig.ts";

/**
 * What the backtest judges, listed in full so that a warning that never fired still gets its row
 * (with no figure) instead of silently vanishing from the Signal quality page.
 */
export const backtestSubjects = {
  signals: SIGNAL_CODES,
  /** The four dual-phone models of domain.md, as member_signals.model names them. */
  dualPhoneModels: ["forwarding", "handset", "affinity", "circle"],
  /** group_scores.tier values, most urgent first. */
  tiers: ["high", "medium", "low"],
} as const;
