import { createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import type { Config } from "../config/configSchema.ts";
import { BundleError } from "../lib/errors.ts";

/** A member's pseudonym; `keyId` names the key (sha256, 16 hex) without revealing it. */
export type Pseudonymizer = ((msisdn: string) => string) & { keyId: string };

/**
 * The keyed pseudonym of a member (HMAC-SHA256 of the number, 16 hex chars): stable across weeks,
 * useless without the key. The key is read from the environment, else from a key file beside the
 * warehouse, created with random bytes the first time (owner-only, never committed).
 */
export function pseudonymizer(config: Config, warehouseDb: string): Pseudonymizer {
  const key = readOrCreateKey(config, warehouseDb);
  const pseudonym = (msisdn: string) => createHmac("sha256", key).update(msisdn).digest("hex").slice(0, 16);
  return Object.assign(pseudonym, { keyId: createHash("sha256").update(key).digest("hex").slice(0, 16) });
}

/** The key of throw-away in-memory warehouses: as short-lived as they are, never written anywhere. */
let memoryKey: Buffer | null = null;

function readOrCreateKey(config: Config, warehouseDb: string): Buffer {
  const fromEnv = process.env[config.privacy.keyEnv];
  if (fromEnv) return Buffer.from(fromEnv, "utf8");
  if (warehouseDb === ":memory:" && !isAbsolute(config.privacy.keyFile)) return (memoryKey ??= randomBytes(32));
  const base = dirname(warehouseDb);
  const file = isAbsolute(config.privacy.keyFile) ? config.privacy.keyFile : join(base, config.privacy.keyFile);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  // A key others could read may have been copied: pseudonyms made with it no longer protect anyone.
  // Refused rather than quietly re-protected, since the owner has to decide whether to replace it.
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new BundleError(
      `the pseudonym key ${file} can be read by others (mode ${mode.toString(8).padStart(4, "0")}): it may have leaked. ` +
        `Restrict it (chmod 600) or replace it (members then get new pseudonyms), and run again`,
    );
  }
  return Buffer.from(readFileSync(file, "utf8").trim(), "utf8");
}
