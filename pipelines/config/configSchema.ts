import { z } from "zod";
import { ingestConfig } from "./ingestConfig.ts";
import { warehouseConfig } from "./warehouseConfig.ts";
import { signalsConfig } from "./signalsConfig.ts";
import { scoringConfig } from "./scoringConfig.ts";
import { privacyConfig } from "./privacyConfig.ts";
import { exportConfig } from "./exportConfig.ts";
import { backtestConfig } from "./backtestConfig.ts";
import { dashboardConfig } from "./dashboardConfig.ts";
import { feedbackConfig } from "./feedbackConfig.ts";
import { sparkConfig } from "./sparkConfig.ts";

/**
 * The one configuration schema: every threshold and weight, with its default.
 * Each section lives in its own file beside this one; README "Configuration" explains each value.
 */
export const configSchema = z
  .object({
    warehouse: warehouseConfig,
    ingest: ingestConfig,
    signals: signalsConfig,
    scoring: scoringConfig,
    privacy: privacyConfig,
    export: exportConfig,
    backtest: backtestConfig,
    dashboard: dashboardConfig,
    feedback: feedbackConfig,
    spark: sparkConfig,
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
