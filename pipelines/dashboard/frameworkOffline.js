// Plain JavaScript (not TypeScript): observablehq.config.js imports it, and Framework loads the
// config with plain Node.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLIENT = join(REPO_ROOT, "node_modules", "@observablehq", "framework", "dist", "client");

/** Version named for a library that is not installed: nothing can serve it offline anyway. */
export const NOT_INSTALLED = "0.0.0-not-installed";

/** Every `npm:` package Framework's own client code names (its standard library), sorted. */
export function frameworkClientPackages(client = CLIENT) {
  const names = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith(".js")) {
        for (const m of readFileSync(path, "utf8").matchAll(/["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g)) names.add(m[1]);
      }
    }
  };
  walk(client);
  return [...names].sort();
}

/** The version of a package installed in the repository's node_modules, or NOT_INSTALLED. */
function installedVersion(name) {
  const pkg = join(REPO_ROOT, "node_modules", name, "package.json");
  return existsSync(pkg) ? JSON.parse(readFileSync(pkg, "utf8")).version : NOT_INSTALLED;
}

/**
 * Why the build asked the npm registry, and what stops it. When Framework bundles its client
 * (`/_observablehq/client.js` → stdlib → recommendedLibraries.js, fileAttachment.js, …) it
 * resolves every library its standard library *might* load — `npm:react-dom`, `npm:react`,
 * `npm:leaflet`, `npm:echarts`, `npm:arquero`, `npm:parquet-wasm` … — to a version, only to
 * write the path `/_npm/<name>@<version>/…` into the bundle. The versions come from the folder
 * names under `<root>/.observablehq/cache/_npm/`; a name with no folder is looked up on
 * registry.npmjs.org (npm.js, resolveNpmVersion), which fails on a closed network. Nothing of
 * those libraries is downloaded unless a page uses one (ours import Plot, d3, Inputs and
 * apache-arrow by bare name from node_modules).
 *
 * So before every build or preview we create one empty folder per such library, named with the
 * version installed in node_modules (or NOT_INSTALLED): the registry is never asked. A page that
 * really used one of them (an `npm:` import, or an implicit `Plot`/`html`/`.arrow()`) would still
 * make Framework fetch its code from the CDN, and the offline build test fails on that.
 * Returns the folders it created.
 */
export function seedFrameworkNpmVersions(sourceRoot = join(REPO_ROOT, "src")) {
  const cache = join(sourceRoot, ".observablehq", "cache", "_npm");
  const created = [];
  for (const name of frameworkClientPackages()) {
    const dir = join(cache, `${name}@${installedVersion(name)}`);
    if (existsSync(dir)) continue;
    // Another version already cached (an earlier build with network): Framework uses that one.
    const parent = join(cache, ...name.split("/").slice(0, -1));
    const base = name.split("/").at(-1);
    if (existsSync(parent) && readdirSync(parent).some((e) => e.startsWith(`${base}@`))) continue;
    mkdirSync(dir, { recursive: true });
    created.push(dir);
  }
  return created;
}
