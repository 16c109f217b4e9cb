import { Bool, Dictionary, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType, type Vector } from "apache-arrow";

const INT32_MAX = 2 ** 31 - 1;

/**
 * The Arrow type a column's values fit: strings as a dictionary (branches, tiers, weeks repeat on
 * every row, so a dictionary keeps the file small), whole numbers as Int32, other numbers as
 * Float64. Anything else (a DuckDB date or timestamp object) is refused: cast it to text in SQL.
 */
type Kind = "string" | "int" | "float" | "bool";

function arrowType(name: string, values: unknown[]): DataType {
  let kind = null as Kind | null;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    let k: Kind;
    if (typeof v === "string") k = "string";
    else if (typeof v === "boolean") k = "bool";
    else if (typeof v === "bigint") k = Math.abs(Number(v)) <= INT32_MAX ? "int" : "float";
    else if (typeof v === "number") k = Number.isInteger(v) && Math.abs(v) <= INT32_MAX ? "int" : "float";
    else throw new Error(`column ${name}: unsupported value type ${Object.prototype.toString.call(v)} (cast it to varchar in SQL)`);
    if (kind === null || kind === k) kind = k;
    else if ((kind === "int" && k === "float") || (kind === "float" && k === "int")) kind = "float";
    else throw new Error(`column ${name}: mixed ${kind} and ${k} values`);
  }
  switch (kind) {
    case "int": return new Int32();
    case "float": return new Float64();
    case "bool": return new Bool();
    default: return new Dictionary(new Utf8(), new Int32());
  }
}

/** Columns (name → values, as getColumnsObjectJS gives them) to an Arrow table. */
export function columnsToTable(columns: Record<string, unknown[]>): Table {
  const vectors: Record<string, Vector> = {};
  for (const [name, raw] of Object.entries(columns)) {
    const values = raw.map((v) => (typeof v === "bigint" ? Number(v) : v ?? null));
    vectors[name] = vectorFromArray(values, arrowType(name, raw));
  }
  return new Table(vectors);
}

/** Columns to the bytes of an Arrow IPC file, read in pages with apache-arrow's tableFromIPC. */
export function columnsToArrowIpc(columns: Record<string, unknown[]>): Uint8Array {
  return tableToIPC(columnsToTable(columns), "file");
}
