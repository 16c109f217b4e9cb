import {FileAttachment} from "observablehq:stdlib";
import {el, groupHref, tierBadge} from "./format.js";

// Every group of every loaded week (pipelines/dashboard/dashboardArchive.ts: [page, id, name,
// branch, tier in its last week, last week]). Fetched the first time someone types, not with the
// page: ~300 kB at city scale, which the overview need not carry.
const INDEX = FileAttachment("../data/dashboard/groups.json");
let index = null;
const loadIndex = () => (index ??= INDEX.json());

const MAX_RESULTS = 12;

/** Groups matching a query by id (exact, then prefix, then part) or name (start, then part). */
export function searchGroups(groups, query) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored = [];
  for (const g of groups) {
    const id = String(g[1]).toLowerCase();
    const name = String(g[2] ?? "").toLowerCase();
    const rank = id === q ? 0 : id.startsWith(q) ? 1 : name.startsWith(q) ? 2 : name.includes(q) ? 3 : id.includes(q) ? 4 : -1;
    if (rank >= 0) scored.push([rank, g]);
  }
  scored.sort((a, b) => a[0] - b[0] || String(a[1][1]).localeCompare(String(b[1][1])));
  return scored.map(([, g]) => g);
}

/**
 * The search box every page shows: type a group's id or part of its name, pick a result (or press
 * Enter for the first) to open its drill-down. `depth`: folders below the site root (index 0,
 * pages/* 1), for the links.
 */
export function groupSearch(depth) {
  const input = el("input", {type: "search", placeholder: "搜索集团：编号或名称", "aria-label": "搜索集团", autocomplete: "off", "data-testid": "group-search"});
  const list = el("ul", {class: "search-results", hidden: true, "data-testid": "group-search-results"});
  const form = el("form", {class: "group-search", role: "search"}, input, list);
  let results = [];

  async function update() {
    const query = input.value;
    if (!query.trim()) {
      list.hidden = true;
      return;
    }
    const groups = await loadIndex();
    if (input.value !== query) return; // a newer keystroke is on its way
    const found = searchGroups(groups, query);
    results = found.slice(0, MAX_RESULTS);
    list.replaceChildren(
      ...(results.length === 0
        ? [el("li", {class: "muted"}, "没有找到匹配的集团")]
        : results.map(([page, id, name, branch, tier]) =>
            el("li", {}, el("a", {href: groupHref(page, depth), class: "search-hit"}, tierBadge(tier), " ", el("strong", {}, name || id), el("span", {class: "muted"}, ` ${id}${branch ? ` · ${branch}` : ""}`))))),
      ...(found.length > MAX_RESULTS ? [el("li", {class: "muted"}, `另有 ${found.length - MAX_RESULTS} 个，请输入更多字`)] : [])
    );
    list.hidden = false;
  }

  input.addEventListener("input", update);
  input.addEventListener("focus", () => {
    loadIndex();
    if (input.value.trim()) list.hidden = false;
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") list.hidden = true;
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await update();
    if (results.length > 0) location.href = groupHref(results[0][0], depth);
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(event.target)) list.hidden = true;
  });
  return form;
}
