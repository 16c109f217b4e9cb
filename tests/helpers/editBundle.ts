import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ManifestJson } from "./bundleFixture.ts";

/** Changes to a bundle already written: bytes no row object can express, and its manifest. */
export const editBundle = {
  /** The bundle's manifest, as parsed JSON. */
  manifest(bundle: string): ManifestJson {
    return JSON.parse(readFileSync(join(bundle, "manifest.json"), "utf8")) as ManifestJson;
  },

  /** Rewrites the manifest through `edit`. */
  editManifest(bundle: string, edit: (manifest: ManifestJson) => void): void {
    const manifest = editBundle.manifest(bundle);
    edit(manifest);
    writeFileSync(join(bundle, "manifest.json"), JSON.stringify(manifest, null, 2));
  },

  /** Appends raw bytes to a delivered file and adds `records` to its row count in the manifest. */
  append(bundle: string, path: string, bytes: string | Buffer, records: number): void {
    appendFileSync(join(bundle, path), bytes);
    editBundle.editManifest(bundle, (m) => {
      m.files.find((f) => f.path === path)!.rows += records;
    });
  },

  /** Replaces a delivered file's bytes (the manifest's row count is left as it is). */
  replace(bundle: string, path: string, bytes: string | Buffer): void {
    writeFileSync(join(bundle, path), bytes);
  },
};
