import type { SourceFileScan } from "./scanSourceFile.ts";

/**
 * Translations between the ways a record is numbered: DuckDB's reject "line" (records and blank
 * lines, header = 1), a record's ordinal among data records (0-based), the row number DuckDB
 * gives it among the records it could split (rowid), and the physical line a person's editor shows.
 */
export class RecordLines {
  constructor(
    private readonly scan: Pick<SourceFileScan, "lineBreaks" | "blankUnits">,
    /** Ordinals of records DuckDB refused to split, sorted. */
    private readonly structuralOrdinals: number[] = [],
  ) {}

  /** Ordinal of the record DuckDB reports at `unit` (its "line"). */
  ordinalOfDuckdbLine(unit: number): number {
    return unit - 2 - countBelow(this.scan.blankUnits, unit);
  }

  /** Ordinal of the k-th record DuckDB split (0-based rowid), skipping the refused ones. */
  ordinalOfRowid(rowid: number): number {
    // Each refused ordinal at or below the candidate pushes it one further.
    let ordinal = rowid;
    for (const refused of this.structuralOrdinals) {
      if (refused <= ordinal) ordinal++;
      else break;
    }
    return ordinal;
  }

  /** Physical line (1-based, header = 1) on which the record with `ordinal` starts. */
  lineOfOrdinal(ordinal: number): number {
    const breaks = this.scan.lineBreaks;
    let lo = 0;
    let hi = breaks.length - 1;
    let base: [number, number] = [0, 2];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid][0] <= ordinal) {
        base = breaks[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return base[1] + (ordinal - base[0]);
  }
}

function countBelow(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
