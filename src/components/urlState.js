// Filters live in the page's URL (?week=…&branch=…): a link or a bookmark reopens the page with
// the same filters, and reloading keeps them. Inputs take their first value from the URL; a cell
// that depends on every filter writes them back with history.replaceState (no new history entry).

/** The URL's value for `key`, or `fallback` when it is missing or not one of `allowed`. */
export function fromUrl(key, fallback = null, allowed = null) {
  const value = new URLSearchParams(location.search).get(key);
  if (value == null || value === "") return fallback;
  if (allowed && !allowed.includes(value)) return fallback;
  return value;
}

/** Writes the filters into the URL: null, '' and default values are left out. */
export function keepInUrl(state, defaults = {}) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(state)) {
    if (value == null || value === "" || value === defaults[key]) params.delete(key);
    else params.set(key, String(value));
  }
  const search = params.toString();
  const url = `${location.pathname}${search ? `?${search}` : ""}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
}
