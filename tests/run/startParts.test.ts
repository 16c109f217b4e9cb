import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { generateSampleIfAbsent } from "../../pipelines/run/generateSampleIfAbsent.ts";
import { writeBundle } from "../helpers/bundleFixture.ts";
import { tempDir } from "../helpers/warehouse.ts";

describe("start: sample data", () => {
  it("leaves a folder that already holds a complete bundle as it is", async () => {
    const extracts = join(tempDir(), "extracts");
    writeBundle(extracts, { week: "2026-W47" });
    const lines: string[] = [];
    expect(await generateSampleIfAbsent(extracts, (l) => lines.push(l))).toBe(false);
    expect(lines).toEqual([]);
  });
});
