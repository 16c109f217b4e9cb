/**
 * Just enough of a reader for LibreOffice's flat ODS (.fods) to check what a spreadsheet program
 * made of a workbook: each sheet's rows and cells (text, type, formula, validation rule), which rows
 * are hidden or repeated on every printed page, and the sheet's page layout.
 */
export interface OdsCell {
  text: string;
  /** office:value-type: "string", "float", "date"…; absent for an empty cell. */
  type?: string;
  /** table:formula, when the program holds the cell as a formula. */
  formula?: string;
  /** The cell's validation rule (table:condition of its content-validation), e.g. of:cell-content-is-in-list(…). */
  validation?: string;
}

export interface OdsRow {
  hidden: boolean;
  /** Inside table:table-header-rows: repeated at the top of every printed page. */
  repeatedOnEveryPage: boolean;
  cells: OdsCell[];
}

export interface OdsSheet {
  name: string;
  /** The attributes of the sheet's style:page-layout-properties (fo:page-width, style:print-orientation…). */
  page: Record<string, string>;
  rows: OdsRow[];
}

// Repeated empty rows and cells (a sheet's 1048571 trailing rows) are kept to this many.
const REPEAT_CAP = 64;

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", lt: "<", gt: ">", amp: "&" };
const decode = (text: string) =>
  text.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m));

function attributes(tag: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of (tag ?? "").matchAll(/([\w:.-]+)="([^"]*)"/g)) out[name] = decode(value);
  return out;
}

function paragraphText(xml: string): string {
  return [...xml.matchAll(/<text:p\b[^>]*>([\s\S]*?)<\/text:p>|<text:p\b[^>]*\/>/g)]
    .map(([, inner = ""]) =>
      decode(
        inner
          .replace(/<text:s text:c="(\d+)"\/>/g, (_, n: string) => " ".repeat(Number(n)))
          .replace(/<text:s\/>/g, " ")
          .replace(/<text:tab\/>/g, "\t")
          .replace(/<text:line-break\/>/g, "\n")
          .replace(/<[^>]+>/g, ""),
      ),
    )
    .join("\n");
}

const repeat = <T>(item: T, times: string | undefined, empty: boolean): T[] =>
  Array.from({ length: Math.min(Number(times ?? 1), empty ? REPEAT_CAP : Infinity) }, () => item);

export function readFlatOds(xml: string): OdsSheet[] {
  const rules = new Map<string, string>();
  for (const [, tag] of xml.matchAll(/<table:content-validation(\s[^>]*)>/g)) {
    const a = attributes(tag);
    rules.set(a["table:name"], a["table:condition"]);
  }
  const layouts = new Map<string, Record<string, string>>();
  for (const [, tag, body] of xml.matchAll(/<style:page-layout(\s[^>]*)>([\s\S]*?)<\/style:page-layout>/g)) {
    layouts.set(attributes(tag)["style:name"], attributes(/<style:page-layout-properties(\s[^>]*)\/?>/.exec(body)?.[1]));
  }
  const masterLayout = new Map<string, string>();
  for (const [, tag] of xml.matchAll(/<style:master-page(\s[^>]*)>/g)) {
    const a = attributes(tag);
    masterLayout.set(a["style:name"], a["style:page-layout-name"]);
  }
  const tableMaster = new Map<string, string>();
  for (const [, tag] of xml.matchAll(/<style:style(\s[^>]*)>/g)) {
    const a = attributes(tag);
    if (a["style:family"] === "table") tableMaster.set(a["style:name"], a["style:master-page-name"]);
  }

  return [...xml.matchAll(/<table:table(\s[^>]*)>([\s\S]*?)<\/table:table>/g)].map(([, tag, body]) => {
    const a = attributes(tag);
    const layout = masterLayout.get(tableMaster.get(a["table:style-name"]) ?? "");
    const rows: OdsRow[] = [];
    let inHeader = false;
    const parts = /<table:table-header-rows>|<\/table:table-header-rows>|<table:table-row(\s[^>]*)?>([\s\S]*?)<\/table:table-row>/g;
    for (const [part, rowTag, rowBody] of body.matchAll(parts)) {
      if (part === "<table:table-header-rows>") inHeader = true;
      else if (part === "</table:table-header-rows>") inHeader = false;
      else {
        const cells: OdsCell[] = [];
        for (const [, cellTag, cellBody = ""] of rowBody.matchAll(/<table:(?:covered-)?table-cell(\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g)) {
          const c = attributes(cellTag);
          const rule = c["table:content-validation-name"];
          const cell: OdsCell = { text: paragraphText(cellBody), type: c["office:value-type"], formula: c["table:formula"], validation: rule && rules.get(rule) };
          cells.push(...repeat(cell, c["table:number-columns-repeated"], cell.text === "" && !cell.validation));
        }
        const r = attributes(rowTag);
        const row: OdsRow = { hidden: r["table:visibility"] === "collapse", repeatedOnEveryPage: inHeader, cells };
        rows.push(...repeat(row, r["table:number-rows-repeated"], cells.every((x) => x.text === "" && !x.validation)));
      }
    }
    return { name: a["table:name"], page: layouts.get(layout ?? "") ?? {}, rows };
  });
}
