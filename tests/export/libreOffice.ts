import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// The first start of a fresh profile takes a while on a small machine.
const CONVERT_TIMEOUT_MS = 180_000;

/**
 * Converts `file` with LibreOffice headless into `outDir` (`to` as soffice's --convert-to takes it) and
 * returns the files it wrote. Each call uses a private profile, so tests running in parallel (or a
 * LibreOffice the developer has open) cannot collide on the default one.
 */
export function convertWithLibreOffice(file: string, to: string, outDir: string): string[] {
  const check = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (check.error) {
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc (.ci/run does this)");
  }
  const profile = mkdtempSync(join(tmpdir(), "cw-lo-profile-"));
  const before = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  const run = spawnSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, file],
    { encoding: "utf8", timeout: CONVERT_TIMEOUT_MS },
  );
  rmSync(profile, { recursive: true, force: true });
  if (run.error || run.status !== 0) throw new Error(`soffice --convert-to ${to} failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stderr}`);
  const written = readdirSync(outDir).filter((f) => !before.has(f)).map((f) => join(outDir, f));
  if (written.length === 0) throw new Error(`soffice --convert-to ${to} wrote nothing: ${run.stdout} ${run.stderr}`);
  return written;
}
