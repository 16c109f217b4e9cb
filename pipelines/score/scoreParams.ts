import type { Config } from "../config/configSchema.ts";
import { SIGNAL_CODES } from "../config/scoringConfig.ts";
import type { Params, ParamValue } from "../db/sql.ts";


const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const isPerSignal = (value: object) =>
  Object.keys(value).every((key) => (SIGNAL_CODES as readonly string[]).includes(key));

function flatten(value: object, prefix: string, into: Params): void {
  for (const [key, item] of Object.entries(value)) {
    const name = prefix + snake(key);
    if (item !== null && typeof item === "object" && !isPerSignal(item)) {
      flatten(item, `${name}_`, into);
      continue;
    }
    if (name in into) throw new Error(`configuration values signals/scoring both give the SQL parameter $${name}`);
    // A per-signal map is one JSON parameter, read in SQL by signal code; whole numbers go as
    // BIGINT so they print as "4", not "4.0", in reasons (DuckDB's `/` still divides exactly).
    into[name] = item !== null && typeof item === "object"
      ? JSON.stringify(item)
      : typeof item === "number" && Number.isInteger(item) ? BigInt(item) : (item as ParamValue);
  }
}

/**
 * Every value of the `signals` and `scoring` configuration as a named SQL parameter: the path in
 * snake case without its section (signals.mouDrop.memberDropShare.severity1 becomes
 * $mou_drop_member_drop_share_severity1, scoring.weights becomes $weights as JSON).
 */
export function scoreParams(config: Config): Params {
  const params: Params = {};
  flatten(config.signals, "", params);
  flatten(config.scoring, "", params);
  return params;
}
