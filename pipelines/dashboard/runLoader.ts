import { withDashboardWarehouse, type DashboardQuery } from "./dashboardWarehouse.ts";

/**
 * A Framework data loader's whole life: query the warehouse, write the file to stdout, log to
 * stderr, exit non-zero on any failure so the build stops instead of shipping a stale or empty file.
 */
export async function runLoader(name: string, produce: (q: DashboardQuery) => Promise<Uint8Array | string>): Promise<void> {
  const started = performance.now();
  try {
    const output = await withDashboardWarehouse(produce);
    const bytes = typeof output === "string" ? Buffer.from(output, "utf8") : output;
    await new Promise<void>((done, fail) => process.stdout.write(bytes, (e) => (e ? fail(e) : done())));
    process.stderr.write(`${name}: ${bytes.length} bytes in ${Math.round(performance.now() - started)} ms\n`);
  } catch (e) {
    process.stderr.write(`${name}: failed: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 1;
  }
}
