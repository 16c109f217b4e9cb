import { describe, it, expect, beforeEach, afterEach } from "vitest";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pseudonymizer } from "../../pipelines/privacy/pseudonymizer.ts";
import { BundleError } from "../../pipelines/lib/errors.ts";
import { tempDir, testConfig } from "../helpers/warehouse.ts";

// Promise: the members' pseudonyms are keyed with a secret only the owner can read. A key file
// others can read is refused, saying why and what to do, rather than used as it is (issue 13, finding 8).

const config = testConfig();
let saved: string | undefined;
beforeEach(() => {
  saved = process.env[config.privacy.keyEnv];
  delete process.env[config.privacy.keyEnv]; // the key file, not the environment, is under test
});
afterEach(() => {
  if (saved !== undefined) process.env[config.privacy.keyEnv] = saved;
});

describe("the pseudonym key file", () => {
  it("is created owner-only and used", () => {
    const db = join(tempDir(), "wh.duckdb");
    const pseudonym = pseudonymizer(config, db);
    expect(pseudonym("13800000001")).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([0o644, 0o640, 0o604])("is refused when its mode is %o, naming the file and the fix", (mode) => {
    const root = tempDir();
    const key = join(root, config.privacy.keyFile);
    writeFileSync(key, "a".repeat(64));
    chmodSync(key, mode);
    const use = () => pseudonymizer(config, join(root, "wh.duckdb"));
    expect(use).toThrow(BundleError);
    expect(use).toThrow(`the pseudonym key ${key} can be read by others (mode 0${mode.toString(8)}): it may have leaked. Restrict it (chmod 600)`);
    chmodSync(key, 0o600);
    expect(() => use()).not.toThrow();
  });
});
