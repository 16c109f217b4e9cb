import { z } from "zod";

/** What the dashboard shows and how carefully (README "Dashboard"). */
export const dashboardConfig = z
  .object({
    /**
     * A backtest figure (precision, recall, lift, AUC, weeks ahead) resting on fewer cases than this
     * is shown greyed, with its count and a caution: below 20 a single case moves a share by 5
     * points or more, so "100 %" from 1 of 1 says nothing yet.
     */
    minCases: z.number().int().min(1).default(20),
  })
  .strict()
  .prefault({});

export type DashboardConfig = z.infer<typeof dashboardConfig>;
