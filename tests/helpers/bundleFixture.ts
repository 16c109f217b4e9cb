import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { addDays, weekStart } from "../../pipelines/lib/isoWeek.ts";

type Row = Record<string, string | number | null>;

export interface BundleSpec {
  week: string;
  encoding?: "utf-8" | "gbk";
  delimiter?: "," | "|";
  gzip?: boolean;
  /** Rows per table; defaults give a small valid week. */
  tables?: Partial<Record<"groups" | "managers" | "members" | "cdr" | "billing" | "tac", Row[]>>;
  /** Column order per table (default: the keys of the first row); may add extra columns. */
  columns?: Partial<Record<string, string[]>>;
  /** Change the manifest after it is computed (e.g. a wrong row count or a bad path). */
  editManifest?: (manifest: ManifestJson) => void;
  /** Raw text appended to a table's file (for rows no object can express). */
  appendRaw?: Partial<Record<string, string>>;
  /** Leave manifest.json out (an incomplete delivery). */
  noManifest?: boolean;
  /** Spread the CDR rows over this many files, a day each as the contract's layout (default 1). */
  cdrFiles?: number;
}

export interface ManifestJson {
  contract: number;
  week: string;
  generated_at: string;
  encoding: string;
  delimiter: string;
  files: Array<{ table: string; path: string; rows: number }>;
}

function field(value: string | number | null | undefined, delimiter: string): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /["\n\r]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A small valid week: 2 groups, 4 members, a few CDRs on Monday; numbers in fixture ranges. */
export function defaultTables(week: string): Required<NonNullable<BundleSpec["tables"]>> {
  const monday = weekStart(week);
  const at = (day: number, time: string) => `${addDays(monday, day)} ${time}`;
  return {
    groups: [
      { group_id: "G001", group_name: "杭州市西湖区教育局", group_class: "A", industry: "教育", org_type: "机关", employee_count: 120, annual_revenue: 830.5, address: "杭州市西湖区文三路1号, 3楼", phone: "057100000001", branch: "西湖", manager_id: "M01", contract_end: "2027-06-30" },
      { group_id: "G002", group_name: "余杭制造有限公司", group_class: "C", industry: "制造", org_type: "企业", employee_count: 35, annual_revenue: 120, address: null, phone: null, branch: "余杭", manager_id: "M02", contract_end: null },
    ],
    managers: [
      { manager_id: "M01", manager_name: "王芳", branch: "西湖", phone: "13700000001", email: "m01@example.invalid" },
      { manager_id: "M02", manager_name: "李强", branch: "余杭", phone: "13700000002", email: "m02@example.invalid" },
    ],
    members: [
      { msisdn: "13800000001", group_id: "G001", role: "decision_maker", vip_level: "gold", join_date: "2020-03-01", status: "active", status_date: "2020-03-01", plan_fee: 188, contract_end: "2027-01-31" },
      { msisdn: "13800000002", group_id: "G001", role: "member", vip_level: "none", join_date: "2021-05-10", status: "active", status_date: "2021-05-10", plan_fee: 58, contract_end: null },
      { msisdn: "13800000003", group_id: "G002", role: "contact", vip_level: "silver", join_date: "2019-01-01", status: "active", status_date: "2019-01-01", plan_fee: 98, contract_end: null },
      { msisdn: "13800000004", group_id: "G002", role: "member", vip_level: "none", join_date: "2022-08-01", status: "suspended", status_date: addDays(monday, 2), plan_fee: 38, contract_end: null },
    ],
    cdr: [
      { record_id: "R0001", msisdn: "13800000001", record_type: "MOC", other_party: "13900000001", other_network: "CMCC", start_time: at(0, "09:15:00"), duration_s: 120, cell_id: "C100", imei: "355555550000011" },
      { record_id: "R0002", msisdn: "13800000001", record_type: "MTC", other_party: "18900000001", other_network: "CT", start_time: at(0, "10:00:00"), duration_s: 60, cell_id: "C100", imei: "355555550000011" },
      { record_id: "R0003", msisdn: "13800000002", record_type: "SMS_MO", other_party: "13900000002", other_network: "CMCC", start_time: at(1, "12:00:00"), duration_s: 0, cell_id: "C101", imei: null },
      { record_id: "R0004", msisdn: "13800000003", record_type: "CFW", other_party: "18600000001", other_network: "CU", start_time: at(2, "15:30:00"), duration_s: 45, cell_id: "C102", imei: "866666660000022" },
    ],
    billing: [
      { msisdn: "13800000001", bill_month: "2026-10", total_fee: 201.5, voice_fee: 60, data_fee: 120, sms_fee: 1.5, other_fee: 20 },
      { msisdn: "13800000002", bill_month: "2026-10", total_fee: 58, voice_fee: 10, data_fee: 40, sms_fee: 0, other_fee: 8 },
    ],
    tac: [
      { tac: "35555555", brand: "华为", model: "Mate 60", sim_slots: 2, networks: "GSM|WCDMA|LTE|NR", launched: 2023 },
      { tac: "86666666", brand: "小米", model: "14", sim_slots: 2, networks: "GSM|CDMA2000|LTE|NR", launched: 2024 },
    ],
  };
}

const FILE_OF: Record<string, string> = {
  groups: "groups.csv", managers: "managers.csv", members: "members.csv", tac: "tac.csv", billing: "billing.csv",
};

/** Writes a bundle folder `root/<week>` per the extract contract; returns its path. */
export function writeBundle(root: string, spec: BundleSpec): string {
  const dir = join(root, spec.week);
  const delimiter = spec.delimiter ?? ",";
  const encoding = spec.encoding ?? "utf-8";
  const tables = { ...defaultTables(spec.week), ...spec.tables };
  const manifest: ManifestJson = {
    contract: 1, week: spec.week, generated_at: "2026-11-23T03:10:00+08:00", encoding, delimiter, files: [],
  };
  const parts = Object.entries(tables).flatMap(([table, rows]) => {
    if (table !== "cdr") return [{ table, rows, path: FILE_OF[table], raw: spec.appendRaw?.[table] }];
    const files = spec.cdrFiles ?? 1;
    return Array.from({ length: files }, (_, day) => ({
      table,
      rows: rows.filter((_row, i) => i % files === day),
      path: `cdr/cdr_${addDays(weekStart(spec.week), day).replace(/-/g, "")}.csv`,
      raw: day === 0 ? spec.appendRaw?.[table] : undefined, // appended to the first day's file
    }));
  });
  for (const { table, rows, path: plainPath, raw } of parts) {
    const columns = spec.columns?.[table] ?? Object.keys(tables[table as keyof typeof tables][0] ?? {});
    const lines = [columns.map((c) => field(c, delimiter)).join(delimiter)];
    for (const row of rows) lines.push(columns.map((c) => field(row[c], delimiter)).join(delimiter));
    const text = `${lines.join("\n")}\n${raw ?? ""}`;
    const extraRows = raw ? raw.split("\n").filter((l) => l.trim()).length : 0;
    let bytes: Buffer = encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
    let path = plainPath;
    if (spec.gzip) {
      bytes = gzipSync(bytes);
      path += ".gz";
    }
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
    manifest.files.push({ table, path, rows: rows.length + extraRows });
  }
  spec.editManifest?.(manifest);
  if (!spec.noManifest) writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}
