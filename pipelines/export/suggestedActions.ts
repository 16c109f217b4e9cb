import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SIGNAL_CODES } from "../config/scoringConfig.ts";
import type { ExportConfig } from "../config/exportConfig.ts";
import { UsageError } from "../lib/errors.ts";
import { parseCsv } from "./parseCsv.ts";
import { confidentialTerms } from "./confidentialTerms.ts";

const SHIPPED_TABLE = fileURLToPath(new URL("./suggested_actions.csv", import.meta.url));
const HEADER = ["signal", "tier", "action_zh", "gloss_en"];
/**
 * `*`: the group's visit or call at that tier, for those who speak for the group (key persons);
 * `_default`: when no signal has a row; `_suspended`: a person whose line is suspended
 * (reconnection help first); `_no_key_person`: a group with no key person left to call.
 */
const SIGNALS = new Set<string>([...SIGNAL_CODES, "*", "_default", "_suspended", "_no_key_person"]);
/** `own`: the row for a person's own warning of that code (e.g. their own agreement, not the group's). */
const TIERS = new Set(["high", "medium", "*", "own"]);

/** A warning an action is matched to: a person's own (`own`), or the group's. */
export interface ActionSignal {
  signal: string;
  own: boolean;
}

/** tier: the group's; groupWide: whether the line speaks for the group (then the tier-wide action leads). */
export type SuggestActions = (tier: string, signalsStrongestFirst: readonly ActionSignal[], groupWide: boolean) => string;

/**
 * Reads the wording table (one row per signal and tier, Chinese text) and returns the function that
 * words a call-list row: for a line that speaks for the group, the tier-wide action first (e.g. the
 * high-tier visit); then the actions of the signals given, strongest first (for a person's own
 * warning its `own` row first, then a row for the exact tier, then `*`), at most `actionsPerPerson` of them, no text twice; `_default` when none has
 * a row. Which signals a line may be given is the caller's rule (a person's own, plus the group's
 * own measures for key persons), so nothing on one person's line speaks of another's account.
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
    if (!TIERS.has(tier)) throw new UsageError(`wording table ${path}, line ${line}: tier must be high, medium, * or own`);
    if (!action) throw new UsageError(`wording table ${path}, line ${line}: action_zh is empty`);
    if (confidentialTerms.test(action)) {
      throw new UsageError(`wording table ${path}, line ${line}: action_zh reveals observed behaviour (保密): rephrase as care or an offer`);
    }
    if (byKey.has(`${signal}|${tier}`)) throw new UsageError(`wording table ${path}, line ${line}: a second row for ${signal}, ${tier}`);
    byKey.set(`${signal}|${tier}`, action);
  });
  const lookup = (signal: string, tier: string, own = false) =>
    (own ? byKey.get(`${signal}|own`) : undefined) ?? byKey.get(`${signal}|${tier}`) ?? byKey.get(`${signal}|*`);

  return (tier, signals, groupWide) => {
    const specific: string[] = [];
    for (const { signal, own } of signals) {
      const action = lookup(signal, tier, own);
      if (action && !specific.includes(action)) specific.push(action);
      if (specific.length === config.actionsPerPerson) break;
    }
    if (specific.length === 0) specific.push(lookup("_default", tier) ?? "");
    const tierWide = groupWide ? lookup("*", tier) : undefined;
    return [...(tierWide ? [tierWide] : []), ...specific].filter(Boolean).join("；");
  };
}
