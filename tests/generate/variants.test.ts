import { afterAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { chineseNames } from "../../pipelines/generate/chineseNames.ts";
import { cleanup, generateRun, listFiles, readTable, readText } from "./generatedRun.ts";

describe("encodings, delimiters and gzip", () => {
  const outs: string[] = [];
  afterAll(() => outs.forEach(cleanup));

  it("never writes a character GBK cannot hold", () => {
    const words = JSON.stringify(chineseNames);
    expect(iconv.decode(iconv.encode(words, "gbk"), "gbk")).toBe(words);
  });

  it("a gbk + '|' + gzip run decodes to the same tables as a utf-8 ',' run", async () => {
    const options = { groups: 12, weeks: 2, cdrPerMember: 10, seed: 9 };
    const plain = await generateRun("plain", options);
    const packed = await generateRun("packed", { ...options, encoding: "gbk", delimiter: "|", gzip: true });
    outs.push(plain.out, packed.out);
    const manifest = JSON.parse(readFileSync(join(packed.weeks[0].dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ encoding: "gbk", delimiter: "|" });
    expect(listFiles(packed.weeks[0].dir).filter((f) => f !== "manifest.json").every((f) => f.endsWith(".gz"))).toBe(true);
    for (const [i, file] of packed.weeks[0].files.entries()) {
      const decoded = readTable(join(packed.weeks[0].dir, file.path), { encoding: "gbk", delimiter: "|" });
      const reference = readTable(join(plain.weeks[0].dir, plain.weeks[0].files[i].path));
      expect(decoded, file.path).toEqual(reference);
      expect(decoded.rows.length).toBe(file.rows);
    }
    const groups = readText(join(packed.weeks[0].dir, "groups.csv.gz"), "gbk");
    const name = readTable(join(plain.weeks[0].dir, "groups.csv")).rows[0].group_name;
    expect(name).toMatch(/[\u4e00-\u9fff]/);
    expect(groups).toContain(name);
  });
});
