import { describe, expect, it } from "vitest";
import { featuresSecondsIn, ratioText, splitWarehouseSize } from "../../pipelines/bench/benchFigures.ts";

describe("bench figures", () => {
  it("reads the features step of each bundle from the ingest's log", () => {
    const log = "2026-W41: reading 12 files\n2026-W41: features 3.4 s\n2026-W41: loaded (9.0 s)\n2026-W42: features 12 s\nfeatures 9 s in a sentence\n";
    expect(featuresSecondsIn(log)).toEqual([3.4, 12]);
  });

  it("says whether a ratio meets its target", () => {
    expect(ratioText(3, 2, 1.5)).toBe("1.50 × (target ≤ 1.5 ×: met)");
    expect(ratioText(3.1, 2, 1.5)).toBe("1.55 × (target ≤ 1.5 ×: MISSED)");
    expect(ratioText(3, 2)).toBe("1.50 ×");
  });

  it("splits the warehouse into a week's raw records and the rest", () => {
    // 8 weeks of 100 raw + 10 rest, 5 fixed; the prune keeps 1 week's raw
    const before = 8 * 110 + 5;
    const after = 1 * 100 + 8 * 10 + 5;
    const split = splitWarehouseSize(before, after, 8, 1);
    expect(split.rawPerWeek).toBeCloseTo(100);
    expect(split.perWeekWithoutRaw).toBeCloseTo(10 + 5 / 8);
    expect(split.perWeekWithRaw).toBeCloseTo(110 + 5 / 8);
    expect(() => splitWarehouseSize(before, after, 1, 1)).toThrow();
  });
});
