import { describe, expect, it } from "vitest";
import { imei } from "../../pipelines/generate/imei.ts";
import { csvLine } from "../../pipelines/generate/csvLine.ts";
import { Random } from "../../pipelines/generate/Random.ts";
import { subSeed } from "../../pipelines/generate/subSeed.ts";
import { numberPlan } from "../../pipelines/generate/numberPlan.ts";
import { buildTacCatalog } from "../../pipelines/generate/buildTacCatalog.ts";
import { generatorDefaults } from "../../pipelines/generate/generatorDefaults.ts";
import { generateOptions } from "../../pipelines/generate/generateOptions.ts";
import { parseCsv } from "./generatedRun.ts";

describe("generator building blocks", () => {
  it("computes the IMEI check digit (Luhn)", () => {
    expect(imei("49015420", 323751)).toBe("490154203237518");
  });

  it("quotes per RFC 4180 and reads back", () => {
    const fields = ['a,b', 'say "hi"', "two\nlines", null, 42, "plain"];
    const line = csvLine(fields, ",");
    expect(line).toBe('"a,b","say ""hi""","two\nlines",,42,plain');
    expect(parseCsv(`${line}\n`, ",")).toEqual([["a,b", 'say "hi"', "two\nlines", "", "42", "plain"]]);
    expect(csvLine(["a,b", "c|d"], "|")).toBe('a,b|"c|d"');
  });

  it("draws the same numbers from the same seed, and other numbers from another", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(subSeed(1, "x", 2))).toEqual(draw(subSeed(1, "x", 2)));
    expect(draw(subSeed(1, "x", 2))).not.toEqual(draw(subSeed(1, "x", 3)));
    expect(subSeed(1, "a")).not.toBe(subSeed(2, "a"));
  });

  it("gives members distinct numbers in their own range", () => {
    const numbers = new Set(Array.from({ length: 100_000 }, (_, i) => numberPlan.member(i)));
    expect(numbers.size).toBe(100_000);
    expect([...numbers].every((n) => /^138\d{8}$/.test(n))).toBe(true);
  });

  it("has a few hundred handset models, mostly dual-SIM, many CDMA2000-capable, unique TACs", () => {
    const tac = buildTacCatalog(1, generatorDefaults);
    expect(tac.length).toBeGreaterThan(200);
    expect(new Set(tac.map((t) => t.tac)).size).toBe(tac.length);
    const share = (f: (t: (typeof tac)[number]) => boolean) => tac.filter(f).reduce((s, t) => s + t.popularity, 0) / tac.reduce((s, t) => s + t.popularity, 0);
    expect(share((t) => t.simSlots === 2)).toBeGreaterThan(0.85);
    expect(share((t) => t.cdma2000)).toBeGreaterThan(0.5);
    expect(share((t) => t.cdma2000)).toBeLessThan(0.9);
  });

  it("rejects invalid options", () => {
    expect(() => generateOptions.parse({ out: "x", startWeek: "2026-W60" })).toThrow();
    expect(() => generateOptions.parse({ out: "x", plantedShare: 1.5 })).toThrow();
    expect(generateOptions.parse({ out: "x" })).toMatchObject({ groups: 50, weeks: 8, seed: 1, startWeek: "2026-W38", cdrPerMember: 200 });
  });
});
