import type { Random } from "./Random.ts";
import type { Network } from "./networks.ts";

/** Mobile prefixes per operator. 138 and 137 are reserved for members and managers. */
const MOBILE_PREFIXES: Record<"CMCC" | "CU" | "CT", readonly string[]> = {
  CMCC: ["139", "135", "136", "150", "158", "187", "188"],
  CU: ["130", "131", "132", "155", "156", "185", "186"],
  CT: ["133", "153", "180", "181", "189", "199"],
};
const INTL_PREFIXES = ["00852", "001", "0044", "0081"];
/** The synthetic city's area code; landlines are 0570 8xxxxxxx. */
const AREA_CODE = "0570";
const MEMBER_PREFIX = "138";
const MANAGER_PREFIX = "137";
/** Bijective scramble of serials on 0..1e8−1 (the multiplier is prime to 10^8), so numbers look random yet never collide. */
const SCRAMBLE_MUL = 3_875_171;
const SCRAMBLE_ADD = 24_101_977;
const EIGHT_DIGITS = 100_000_000;

function scrambled(prefix: string, serial: number): string {
  return prefix + String((serial * SCRAMBLE_MUL + SCRAMBLE_ADD) % EIGHT_DIGITS).padStart(8, "0");
}

/**
 * The generator's own number ranges (privacy.md: sample data never holds a real person's number):
 * members 138xxxxxxxx, managers 137xxxxxxxx, other CMCC numbers 135/136/139/150/158/187/188,
 * China Unicom 130–132/155/156/185/186, China Telecom 133/153/180/181/189/199, landlines
 * 0570 8xxxxxxx, international 00852/001/0044/0081, service senders 1069xxxxxxxx (UNKNOWN).
 */
export const numberPlan = {
  member: (serial: number): string => scrambled(MEMBER_PREFIX, serial),
  manager: (index: number): string => scrambled(MANAGER_PREFIX, index),

  /** A number of the given network; `prefixNetwork` differs when the number was ported in (MNP). */
  of(network: Network, rng: Random, prefixNetwork: Network = network): string {
    switch (prefixNetwork) {
      case "CMCC":
      case "CU":
      case "CT":
        return rng.pick(MOBILE_PREFIXES[prefixNetwork]) + rng.digits(8);
      case "FIXED":
        return `${AREA_CODE}8${rng.digits(7)}`;
      case "INTL": {
        const prefix = rng.pick(INTL_PREFIXES);
        return prefix + rng.digits(prefix === "00852" ? 8 : 10);
      }
      case "UNKNOWN":
        return `1069${rng.digits(8)}`;
    }
    // Unreachable: the switch covers every network; kept for the type checker.
    throw new Error(`no number range for ${network}`);
  },
};
