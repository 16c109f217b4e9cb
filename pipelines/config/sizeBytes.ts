/** What each unit DuckDB reads a size in is worth: KB, MB… are powers of 1000, KiB, MiB… of 1024. */
const UNIT_BYTES: Record<string, number> = {
  b: 1,
  kb: 1e3, mb: 1e6, gb: 1e9, tb: 1e12,
  kib: 2 ** 10, mib: 2 ** 20, gib: 2 ** 30, tib: 2 ** 40,
};

/**
 * Bytes in a size as the configuration writes it for DuckDB ("2GB", "512 MiB"; the schema has
 * checked its shape), read as DuckDB reads it, so that two settings can be compared.
 */
export function sizeBytes(size: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(size.trim());
  const unit = match ? UNIT_BYTES[match[2].toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`not a size: ${JSON.stringify(size)}`);
  return Number(match[1]) * unit;
}
