/** Prints a machine-readable run report on stdout (`--json`); never holds personal values. */
export function writeReport(report: object): void {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}
