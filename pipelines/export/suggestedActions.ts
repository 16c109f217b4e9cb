import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SIGNAL_CODES } from "../config/scoringConfig.ts";
import type { ExportConfig } from "../config/exportConfig.ts";
import { UsageError } from "../lib/errors.ts";
import { parseCsv } from "./parseCsv.ts";
import { confidentialTerms } from "./confidentialTerms.ts";

const SHIPPED_TABLE = fileURLToPath(new URL("./suggested_actions.csv", import.meta.url));
const HEADER = ["signal", "tier", "action_zh", "gloss_en"];
/** `*`: every listed person of a group at that tier; `_default`: when no signal has a row. */
const SIGNALS = new Set<string>([...SIGNAL_CODES, "*", "_default"]);
const TIERS = new Set(["high", "medium", "*"]);

export type SuggestActions = (tier: string, signalsStrongestFirst: readonly string[]) => string;

/**
 * Reads the wording table (one row per signal and tier, Chinese text) and returns the function that
 * words a call-list row: the tier-wide actions first (e.g. the high-tier visit), then the actions of
 * the person's strongest signals (a row for the exact tier wins over `*`), at most
 * `actionsPerPerson` of them, no text twice; `_default` when no signal has a row.
 * A row that would reveal observed behaviour (confidentialTerms) refuses the whole table.
 */
export function suggestedActions(config: ExportConfig): SuggestActions {
  const path = config.wordingTable ?? SHIPPED_TABLE;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`wording table ${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  const [header, ...rows] = parseCsv(text);
  if (!header || HEADER.some((name, i) => header[i] !== name)) {
    throw new UsageError(`wording table ${path}: the header must start with ${HEADER.join(",")}`);
  }
  const byKey = new Map<string, string>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const [signal, tier, action] = row.map((v) => v.trim());
    if (row.length === 1 && !signal) return;
    if (!SIGNALS.has(signal)) throw new UsageError(`wording table ${path}, line ${line}: unknown signal '${signal}'`);
    if (!TIERS.has(tier)) throw new UsageError(`wording table ${path}, line ${line}: tier must be high, medium or *`);
    if (!action) throw new UsageError(`wording table ${path}, line ${line}: action_zh is empty`);
    if (confidentialTerms.test(action)) {
      throw new UsageError(`wording table ${path}, line ${line}: action_zh reveals observed behaviour (保密): rephrase as care or an offer`);
    }
    if (byKey.has(`${signal}|${tier}`)) throw new UsageError(`wording table ${path}, line ${line}: a second row for ${signal}, ${tier}`);
    byKey.set(`${signal}|${tier}`, action);
  });
  const lookup = (signal: string, tier: string) => byKey.get(`${signal}|${tier}`) ?? byKey.get(`${signal}|*`);

  return (tier, signals) => {
    const specific: string[] = [];
    for (const signal of signals) {
      const action = lookup(signal, tier);
      if (action && !specific.includes(action)) specific.push(action);
      if (specific.length === config.actionsPerPerson) break;
    }
    if (specific.length === 0) specific.push(lookup("_default", tier) ?? "");
    const tierWide = lookup("*", tier);
    return [...(tierWide ? [tierWide] : []), ...specific].filter(Boolean).join("；");
  };
}
