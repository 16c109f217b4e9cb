import { errorKind } from "../lib/errorKind.ts";
import { SourceFault } from "./sourceFault.ts";

/**
 * DuckDB's CSV reader stopped a whole read (rather than refusing a record): the fault of one of
 * the files it was reading. Its message names the file (`file = PATH`) but may also quote the
 * line, so only the file and the kind of error are kept. The Node pass refuses the faults known
 * to do this (bare CR, broken gzip) with their line first; this is the net for the others.
 */
export function readerFailure(e: unknown, files: ReadonlyArray<{ label: string; readPath: string }>): SourceFault {
  const message = e instanceof Error ? e.message : String(e);
  const named = files.filter((f) => message.includes(f.readPath));
  const culprit = named.length === 1 ? named[0] : files.length === 1 ? files[0] : null;
  const reason = `DuckDB's CSV reader could not read it (${errorKind(e)}): the file breaks RFC 4180 or its encoding in a way no single record can be refused for`;
  if (culprit) return new SourceFault(reason, null, culprit.label);
  return new SourceFault(`one of ${files.map((f) => f.label).join(", ")}: ${reason}`);
}
