import { z } from "zod";

const percent = z.number().int().min(1).max(100);

/**
 * How `churnwatch backtest` decides who churned after a warning, and how it slices the risk score.
 * README "Backtest" explains each value.
 */
export const backtestConfig = z
  .object({
    /**
     * Weeks after a scored week W in which a departure counts as the churn its warnings predicted
     * (`--horizon` overrides it). Two months: the domain's batches go from a second phone to a
     * port-out within weeks, and a manager's visit cycle (A/B monthly, C every two months) must
     * still have had a chance to act.
     */
    horizonWeeks: z.number().int().positive().default(8),
    /**
     * Share of the members a group had at W that it must lose within the horizon to count as a
     * churned group. A fifth is a batch, well above the background trickle of departures.
     */
    groupChurnShare: z.number().gt(0).max(1).default(0.2),
    /** A group that loses every key person it had at W churns too, whatever the share: it has lost its decision makers. */
    groupChurnAllKeyPersons: z.boolean().default(true),
    /**
     * The risk score's "top decile", in percent of each week's groups: the share a branch can visit.
     * Integer percents keep the cut exact (no float rounding at the boundary).
     */
    topPercent: percent.default(10),
    /** Step of the cumulative gains curve, in percent of each week's groups (5: twenty points). */
    gainsStepPercent: percent.default(5),
  })
  .strict()
  .prefault({});

export type BacktestConfig = z.infer<typeof backtestConfig>;
