import {downloadText, toCsv} from "./csv.js";
import {el} from "./format.js";

/**
 * A plain HTML table for the pages' lists: every row rendered (so print shows them all), text
 * wrapped inside the page width (no sideways scrolling, on screen or on A4), headers that sort on
 * click, an optional details row under each row for long text (the reasons), and a button that
 * downloads exactly the rows shown, in the order shown, as CSV.
 *
 * columns: [{key, label, format?(value, row) → Node|string, csv?(value, row) → value, align?,
 *            width?, sort?(row) → comparable, nowrap?}]
 * The CSV header is the columns' keys (machine names, for scripts); a cell is the raw number for
 * numbers and otherwise the text shown on screen (masked numbers stay masked). Each cell carries
 * that value in `data-csv`, so a test can compare the file with the page.
 */
export function dataTable(rows, {columns, sort = null, reverse = false, details = null, filename = "table.csv", empty = "没有符合条件的记录", testid = null, caption = null}) {
  let sortKey = sort;
  let descending = reverse;
  const wrap = el("div", {class: "data-table", "data-testid": testid});
  const cellValue = (column, row) => {
    const value = row[column.key];
    if (column.csv) return column.csv(value, row);
    if (typeof value === "number" || value == null) return value ?? "";
    const shown = column.format ? column.format(value, row) : value;
    return shown instanceof Node ? shown.textContent.trim() : String(shown ?? "");
  };
  const detailsKey = details?.key;

  function sorted() {
    const column = columns.find((c) => c.key === sortKey);
    if (!column) return rows;
    const key = column.sort ?? ((row) => row[column.key]);
    const out = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x == null && y == null) return 0;
      if (x == null) return 1;
      if (y == null) return -1;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh");
      return descending ? -order : order;
    });
    return out;
  }

  let shown = sorted();
  const table = el("table", {class: `dt${details ? " with-details" : ""}`, "data-details-key": detailsKey});
  const head = el("thead");
  const body = el("tbody");
  table.append(head, body);
  if (caption) table.prepend(el("caption", {}, caption));

  function renderHead() {
    head.replaceChildren(
      el(
        "tr",
        {},
        columns.map((c) =>
          el(
            "th",
            {
              class: [c.align === "right" ? "num" : "", c.key === sortKey ? (descending ? "sorted desc" : "sorted asc") : ""].join(" ").trim() || null,
              style: c.width ? {width: c.width} : null,
              "data-key": c.key,
              scope: "col",
              title: "点击排序"
            },
            el("button", {type: "button", class: "sort", onclick: () => sortBy(c.key)}, c.label, c.key === sortKey ? (descending ? " ▼" : " ▲") : "")
          )
        )
      )
    );
  }

  function renderBody() {
    const cells = [];
    for (const row of shown) {
      cells.push(
        el(
          "tr",
          {class: details ? "main" : null},
          columns.map((c) => {
            const value = row[c.key];
            const content = c.format ? c.format(value, row) : value;
            return el("td", {class: [c.align === "right" ? "num" : "", c.nowrap ? "nowrap" : ""].join(" ").trim() || null, "data-key": c.key, "data-csv": String(cellValue(c, row) ?? "")}, content ?? "");
          })
        )
      );
      if (details) {
        const text = details.format(row);
        if (text) cells.push(el("tr", {class: "details"}, el("td", {colspan: columns.length, "data-key": detailsKey, "data-csv": details.csv ? details.csv(row) : text instanceof Node ? text.textContent.trim() : String(text)}, el("span", {class: "details-label"}, `${details.label}：`), text)));
      }
    }
    if (shown.length === 0) cells.push(el("tr", {}, el("td", {colspan: columns.length, class: "muted"}, empty)));
    body.replaceChildren(...cells);
    count.textContent = `共 ${shown.length} 行`;
  }

  function sortBy(key) {
    if (sortKey === key) descending = !descending;
    else {
      sortKey = key;
      descending = false;
    }
    shown = sorted();
    renderHead();
    renderBody();
  }

  /** The rows on screen, in screen order, as the CSV writes them. */
  function csvText() {
    const header = columns.map((c) => c.key);
    if (details) header.push(detailsKey);
    const lines = shown.map((row) => {
      const line = columns.map((c) => cellValue(c, row));
      if (details) {
        const text = details.format(row);
        line.push(details.csv ? details.csv(row) : text instanceof Node ? text.textContent.trim() : text ?? "");
      }
      return line;
    });
    return toCsv(header, lines);
  }

  const count = el("span", {class: "muted"});
  const button = el("button", {type: "button", class: "download", "data-testid": "download-csv", onclick: () => downloadText(csvText(), filename)}, "下载 CSV");
  wrap.append(el("div", {class: "dt-toolbar"}, count, button), table);
  renderHead();
  renderBody();
  wrap.csvText = csvText;
  wrap.shownRows = () => shown;
  return wrap;
}
