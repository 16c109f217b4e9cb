/**
 * A delivered file breaks the contract in a way no single record can be refused for (bytes that
 * are not RFC 4180 line endings, a gzip stream that does not decompress): the bundle fails,
 * naming the file and, where known, the physical line. The reason never holds file content.
 */
export class SourceFault extends Error {
  constructor(
    readonly reason: string,
    /** Physical line (header = 1), or null when the fault has no line (a broken gzip stream). */
    readonly line: number | null = null,
    /** The file's path inside the bundle, when the thrower knows it better than the caller. */
    readonly file: string | null = null,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
  }
}
