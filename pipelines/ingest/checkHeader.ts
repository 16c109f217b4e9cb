import { BundleError } from "../lib/errors.ts";

/** A file's header holds every contract column, each once (extra columns are allowed and ignored). */
export function checkHeader(where: string, header: readonly string[], columns: readonly string[]): void {
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new BundleError(`${where}: header lacks column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  }
  const repeated = columns.filter((c) => header.indexOf(c) !== header.lastIndexOf(c));
  if (repeated.length > 0) throw new BundleError(`${where}: header repeats column ${repeated.join(", ")}`);
}
