/**
 * How the sample's managers answer their call lists (fillReturns.ts). Synthetic: shares chosen so
 * every kind of follow-up shows on the dashboard and in the backtest, not measured anywhere.
 */
export const returnBehaviour = {
  /** Weights of a line being reached, not reached, or left blank (no return for it). */
  reached: 0.65,
  notReached: 0.2,
  blank: 0.15,
  /** Contacted up to this many days before the line's due date. */
  daysEarlyAtMost: 2,
  /** A reached person of a planted group: weights of at_risk, retained, lost. */
  plantedOutcome: [0.4, 0.35, 0.25],
  /** A reached person of an ordinary group says they might leave. */
  ordinaryAtRisk: 0.05,
  /** A reached person of a planted group reports the competitor's offer. */
  offerShare: 0.5,
  offers: ["预存100元送200元", "宽带加手机融合套餐首年半价", "集团成员每人每月送30GB流量", "免费换新手机，合约两年"],
  noteShare: 0.2,
  notes: ["约定下周再次回访", "已向主管汇报", "客户希望了解集团专属优惠", "客户表示会考虑"],
} as const;
