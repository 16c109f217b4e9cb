import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { processStart } from "../lib/processStart.ts";
import { isProcessRunning } from "../lib/isProcessRunning.ts";

// ingest-<pid>-<start token or x>-<random>: whose copies these are, so a later start can tell a
// killed load's leftovers from a load running now (in another process on the same warehouse folder).
const NAME = /^ingest-(\d+)-([0-9a-f]+\.\d+|x)-[A-Za-z0-9]+$/;
// Folders of versions before the owner was in the name: nothing running now can own them.
const UNOWNED = /^ingest-[A-Za-z0-9]{6}$/;

/**
 * The folders holding a load's UTF-8 copies of GBK files: raw personal data outside the warehouse,
 * removed after each bundle. A process killed mid-load cannot remove its own, so each new ingest
 * first removes those whose process is gone.
 */
export const tempCopyDirs = {
  /** A new owner-only folder for one bundle's copies (the caller removes it when done). */
  create(root: string): string {
    return mkdtempSync(join(root, `ingest-${process.pid}-${processStart(process.pid) ?? "x"}-`));
  },

  /** Removes the copy folders left by loads that no longer run; returns how many. */
  removeStale(root: string): number {
    let removed = 0;
    for (const name of readdirSync(root)) {
      const owner = NAME.exec(name);
      const stale = owner ? !isProcessRunning(Number(owner[1]), owner[2] === "x" ? null : owner[2]) : UNOWNED.test(name);
      if (!stale) continue;
      rmSync(join(root, name), { recursive: true, force: true });
      removed++;
    }
    return removed;
  },
};
