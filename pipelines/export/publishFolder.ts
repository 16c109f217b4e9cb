import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";

/** Puts back a folder a crashed swap left aside, and removes half-written temporary folders. */
function recover(parent: string, name: string): void {
  const leftovers = readdirSync(parent).filter((f) => f.startsWith(`.${name}.`)).sort();
  for (const f of leftovers) {
    if (f.startsWith(`.${name}.old-`) && !existsSync(join(parent, name))) renameSync(join(parent, f), join(parent, name));
    else rmSync(join(parent, f), { recursive: true, force: true });
  }
}

/**
 * Replaces folder `target` by one holding exactly `files` (relative path → bytes), owner-only
 * (folders 0700, files 0600: exports hold personal data, privacy.md). Everything is written to a
 * temporary folder beside `target` first, so a failure while writing leaves the previous folder as
 * it was; then two renames swap them (the old one is removed after). A crash between the two
 * renames leaves the old folder aside under `.<name>.old-*`, which the next call puts back.
 * The caller must hold the run lock: two publishers of one folder would trip over each other.
 */
export function publishFolder(target: string, files: ReadonlyMap<string, Buffer>): void {
  const parent = dirname(target);
  const name = basename(target);
  mkdirSync(parent, { recursive: true, mode: 0o700 });
  recover(parent, name);
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temp = join(parent, `.${name}.tmp-${suffix}`);
  try {
    mkdirSync(temp, { mode: 0o700 });
    chmodSync(temp, 0o700);
    for (const [relative, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = join(temp, relative);
      if (dirname(path) !== temp) {
        mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
        chmodSync(dirname(path), 0o700);
      }
      writeFileSync(path, bytes, { mode: 0o600 });
      chmodSync(path, 0o600);
    }
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  const old = join(parent, `.${name}.old-${suffix}`);
  const hadTarget = existsSync(target);
  if (hadTarget) renameSync(target, old);
  try {
    renameSync(temp, target);
  } catch (e) {
    if (hadTarget) renameSync(old, target);
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  if (hadTarget) rmSync(old, { recursive: true, force: true });
}
