import { describe, it, expect } from "vitest";
import iconv from "iconv-lite";
import { deflateRawSync } from "node:zlib";
import { parseCsv } from "../../pipelines/export/parseCsv.ts";
import { toCsv } from "../../pipelines/export/toCsv.ts";
import { checkUnpackedSize } from "../../pipelines/feedback/checkUnpackedSize.ts";
import { columnKeyOf } from "../../pipelines/feedback/columnKeyOf.ts";
import { contactedOnDate } from "../../pipelines/feedback/contactedOnDate.ts";
import { decodeCsvText } from "../../pipelines/feedback/decodeCsvText.ts";
import { unneutralise } from "../../pipelines/feedback/unneutralise.ts";
import { refusalMessage } from "../../pipelines/feedback/refusalMessage.ts";
import { configSchema } from "../../pipelines/config/configSchema.ts";

/**
 * A zip of deflated entries that declares every size as 1 byte (a zip bomb lies about its sizes; the
 * check must inflate, not trust them). CRCs are left 0: nothing here reads the data back.
 */
function zipOf(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = deflateRawSync(Buffer.from(text));
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(1, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(1, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe("feedback parts", () => {
  it("reads contacted_on from a workbook date or from text as Excel and people write it", () => {
    expect(contactedOnDate(new Date(Date.UTC(2026, 10, 25)))).toBe("2026-11-25");
    expect(contactedOnDate("2026-11-25")).toBe("2026-11-25");
    expect(contactedOnDate("2026/11/5")).toBe("2026-11-05");
    for (const text of ["2026-11-31", "2026-13-01", "25/11/2026", "11月25日", "46351"]) expect(contactedOnDate(text), text).toBeNull();
  });

  it("takes off exactly the quote the CSV writer put before a would-be formula", () => {
    for (const text of ["=HYPERLINK(\"http://x\",\"y\")", "+86 138", "-不要", "@SUM(A1)", "\tx", "'quoted already", "plain", "-12.5"]) {
      const [[written]] = parseCsv(toCsv([text], []).toString("utf8"));
      expect(unneutralise(written), text).toBe(text);
    }
  });

  it("decodes a returned CSV as UTF-8 (BOM or not), else as GBK", () => {
    expect(decodeCsvText(Buffer.from("\uFEFFweek,备注\r\n", "utf8"))).toBe("week,备注\r\n");
    expect(decodeCsvText(iconv.encode("week,备注,已联系\r\n", "gbk"))).toBe("week,备注,已联系\r\n");
  });

  it("knows a column by its key or its Chinese header, and nothing else", () => {
    expect(["contact_result", "联系结果", "manager_id", "person_msisdn", "联系号码", "Contact result", ""].map(columnKeyOf))
      .toEqual(["contact_result", "contact_result", "manager_id", "person_msisdn", "person_msisdn", null, null]);
  });

  it("refuses a workbook that would unpack beyond the limit, however small the file, whatever sizes it declares", () => {
    const bytes = zipOf([["[Content_Types].xml", "<Types/>"], ["xl/worksheets/sheet1.xml", "0".repeat(20_000_000)]]);
    expect(bytes.length).toBeLessThan(100_000);
    expect(() => checkUnpackedSize(bytes, 10_000_000)).toThrow("unpacks to more than feedback.maxUnpackedBytes (10000000 bytes)");
    expect(() => checkUnpackedSize(bytes, 30_000_000)).not.toThrow();
  });

  it("words a refusal with file, rows, columns and reasons, the first ten of many", () => {
    const problems = Array.from({ length: 12 }, (_, i) => ({ row: i + 3, column: "outcome (结果, column M)", reason: "not one of the drop-down values" }));
    const message = refusalMessage("M01.xlsx", problems);
    expect(message).toMatch(/^M01\.xlsx: refused, nothing of it loaded — row 3, column outcome \(结果, column M\): not one of the drop-down values; row 4/);
    expect(message).toMatch(/row 12, column [^;]+; and 2 more$/);
  });

  it("has a feedback configuration section with a default for every value, refusing unknown keys", () => {
    expect(configSchema.parse({}).feedback).toEqual({ folder: "returns", maxFileBytes: 10 * 1024 * 1024, maxUnpackedBytes: 50 * 1024 * 1024, maxRows: 5000 });
    expect(configSchema.parse({ feedback: { folder: null } }).feedback.folder).toBeNull();
    expect(configSchema.safeParse({ feedback: { maxRow: 10 } }).success).toBe(false);
  });
});
