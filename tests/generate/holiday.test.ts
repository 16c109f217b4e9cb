import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerateResult } from "../../pipelines/generate/generate.ts";
import { RunCalendar } from "../../pipelines/generate/RunCalendar.ts";
import { generatorDefaults } from "../../pipelines/generate/generatorDefaults.ts";
import { cleanup, generateRun, readGroundTruth, weekCdr } from "./generatedRun.ts";

describe("holidays", () => {
  let run: GenerateResult;
  beforeAll(async () => {
    run = await generateRun("holiday", { groups: 12, weeks: 6, cdrPerMember: 20, plantedShare: 0, seed: 2 });
  });
  afterAll(() => cleanup(run.out));

  it("makes everyone's minutes fall 30–40% in National Day weeks", () => {
    const truth = readGroundTruth(run.out);
    expect(truth.holiday_weeks).toEqual(["2026-W40", "2026-W41"]);
    const minutes = (week: string) => weekCdr(run.out, week).reduce((sum, r) => sum + Number(r.duration_s), 0);
    const ordinary = (minutes("2026-W38") + minutes("2026-W39") + minutes("2026-W42")) / 3;
    for (const week of truth.holiday_weeks) {
      const fall = 1 - minutes(week) / ordinary;
      expect(fall, week).toBeGreaterThan(0.25);
      expect(fall, week).toBeLessThan(0.45);
    }
  });

  it("knows Spring Festival", () => {
    const calendar = new RunCalendar("2027-W05", 3, generatorDefaults);
    expect(calendar.holidayWeeks().map((h) => [h.week, h.name, h.days])).toEqual([["2027-W05", "春节", 3], ["2027-W06", "春节", 4]]);
  });
});
