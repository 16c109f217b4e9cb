import { afterAll, describe, expect, it } from "vitest";
import { cleanup, generateRun, treeHash } from "./generatedRun.ts";

const options = { groups: 12, weeks: 4, cdrPerMember: 8, plantedShare: 1 };

describe("generate is deterministic", () => {
  const outs: string[] = [];
  afterAll(() => outs.forEach(cleanup));

  it("writes identical bytes for the same options and different bytes for another seed", async () => {
    const a = await generateRun("det-a", { ...options, seed: 7 });
    const b = await generateRun("det-b", { ...options, seed: 7 });
    const c = await generateRun("det-c", { ...options, seed: 8 });
    outs.push(a.out, b.out, c.out);
    expect(a.cdrRows).toBeGreaterThan(0);
    expect(treeHash(b.out)).toBe(treeHash(a.out));
    expect(treeHash(c.out)).not.toBe(treeHash(a.out));
  });

  it("is byte-identical with gzip and GBK too", async () => {
    const variant = { ...options, seed: 3, gzip: true, encoding: "gbk" as const, delimiter: "|" as const };
    const a = await generateRun("det-gz-a", variant);
    const b = await generateRun("det-gz-b", variant);
    outs.push(a.out, b.out);
    expect(treeHash(b.out)).toBe(treeHash(a.out));
  });
});
