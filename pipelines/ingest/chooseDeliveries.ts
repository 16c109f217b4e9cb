import { basename } from "node:path";
import { printable } from "../lib/printable.ts";
import type { Manifest } from "./readManifest.ts";

export interface Candidate {
  folder: string;
  /** null: the manifest cannot be read; the folder then loads (and fails) on its own. */
  manifest: Manifest | null;
}

export interface Choice {
  /** Folders to load, oldest week first (unreadable manifests last). */
  chosen: string[];
  /** Folders passed over, with why. */
  skipped: Array<{ bundle: string; reason: string }>;
}

/** A manifest's generated_at as milliseconds; a manifest without one is older than any that has one. */
function deliveredAt(generatedAt: string | null | undefined): number {
  return generatedAt ? Date.parse(generatedAt) : Number.NEGATIVE_INFINITY;
}

/**
 * One delivery per week. Two folders holding the same week (a correction sent beside the first
 * delivery) would otherwise replace each other on every run; the one the manifest says was
 * generated last wins, whatever the folders are called. Equal times are a tie the sender should
 * not leave: the folder whose name sorts last is taken — the same one on every run — and the tie
 * is reported. A delivery older than the one already loaded for its week is passed over too, so
 * an old folder left in the root never undoes a correction.
 */
export function chooseDeliveries(candidates: Candidate[], loadedAt: ReadonlyMap<string, string | null>): Choice {
  const skipped: Choice["skipped"] = [];
  const byWeek = new Map<string, Candidate[]>();
  const unreadable: string[] = [];
  for (const c of candidates) {
    if (!c.manifest) unreadable.push(c.folder);
    else byWeek.set(c.manifest.week, [...(byWeek.get(c.manifest.week) ?? []), c]);
  }
  const chosen: string[] = [];
  for (const week of [...byWeek.keys()].sort()) {
    const latestFirst = [...byWeek.get(week)!].sort((a, b) =>
      deliveredAt(b.manifest!.generated_at) - deliveredAt(a.manifest!.generated_at) || (basename(b.folder) < basename(a.folder) ? -1 : 1));
    const [winner, ...others] = latestFirst;
    const name = (c: Candidate) => printable(basename(c.folder));
    const time = (c: Candidate) => c.manifest!.generated_at ?? "no generated_at";
    for (const other of others) {
      const tie = deliveredAt(other.manifest!.generated_at) === deliveredAt(winner.manifest!.generated_at);
      skipped.push({
        bundle: name(other),
        reason: tie
          ? `week ${week} also in ${name(winner)} with the same generated_at (${time(winner)}): ${name(winner)} is loaded, ` +
            "its folder name sorting last; give a correction a later generated_at"
          : `week ${week} superseded by ${name(winner)} (generated_at ${time(winner)}, this one ${time(other)})`,
      });
    }
    const loaded = loadedAt.get(week);
    if (loaded !== undefined && deliveredAt(winner.manifest!.generated_at) < deliveredAt(loaded)) {
      skipped.push({
        bundle: name(winner),
        reason: `week ${week} is loaded from a later delivery (generated_at ${loaded}, this one ${time(winner)})`,
      });
      continue;
    }
    chosen.push(winner.folder);
  }
  return { chosen: [...chosen, ...unreadable.sort()], skipped };
}
