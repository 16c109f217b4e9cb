import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { finished, pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Writable } from "node:stream";
import iconv from "iconv-lite";

export interface ChunkedFileOptions {
  encoding: "utf-8" | "gbk";
  gzip: boolean;
  /** Bytes gathered before they are handed to the stream. */
  chunkBytes: number;
  /** Bytes the stream may hold unwritten before the writer waits: compression overlaps generation. */
  inFlightBytes: number;
  gzipLevel: number;
}

/** Most bytes one UTF-16 code unit becomes in UTF-8 (GBK needs at most 2). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * A data file written in ~1 MB chunks. Text is encoded straight into a byte buffer (UTF-8, or
 * GBK through iconv-lite), so no large string is ever held: strings that outlive a few garbage
 * collections cost more than building them. Full buffers queue until `flush()` hands them to
 * the stream, waiting for 'drain' when the disk (or gzip) is behind, so a 40 M-row week never
 * sits in memory. Counts the data rows it was given, for the manifest.
 */
export class ChunkedFileWriter {
  rows = 0;
  private buffer: Buffer;
  private used = 0;
  private readonly queue: Buffer[] = [];
  private failure: Error | null = null;

  private constructor(
    private readonly head: Writable,
    private readonly done: Promise<void>,
    private readonly options: ChunkedFileOptions,
  ) {
    this.buffer = Buffer.allocUnsafe(options.chunkBytes);
    // Keep a stream error until the next flush or close reports it (never an unhandled rejection).
    done.catch((e: Error) => (this.failure = e));
  }

  static open(path: string, options: ChunkedFileOptions): ChunkedFileWriter {
    const file = createWriteStream(path);
    if (!options.gzip) return new ChunkedFileWriter(file, finished(file), options);
    const gzip = createGzip({ level: options.gzipLevel });
    return new ChunkedFileWriter(gzip, pipeline(gzip, file), options);
  }

  /** Appends text holding `rows` data rows (0 for the header), in the file's encoding. */
  write(text: string, rows: number): void {
    if (this.options.encoding === "gbk") this.writeBytes(iconv.encode(text, "gbk"));
    else if (text.length * MAX_BYTES_PER_UNIT <= this.buffer.length - this.used) this.used += this.buffer.write(text, this.used, "utf8");
    else this.writeBytes(Buffer.from(text, "utf8"));
    this.rows += rows;
  }

  /**
   * Appends text known to be ASCII (CDR rows: digits and codes), whose bytes are the same in
   * UTF-8 and GBK: the fast path, one byte per character, no encoder.
   */
  writeAscii(text: string, rows: number): void {
    if (text.length > this.buffer.length - this.used) {
      this.rotate();
      if (text.length > this.buffer.length) {
        this.queue.push(Buffer.from(text, "latin1"));
        this.rows += rows;
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, "latin1");
    this.rows += rows;
  }

  /** A chunk is waiting for `flush()`. */
  get full(): boolean {
    return this.queue.length > 0;
  }

  async flush(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.failure) throw this.failure;
      // 'drain' follows once a write reported a full buffer; waiting only past inFlightBytes keeps
      // gzip (or the disk) busy on earlier chunks while the next ones are generated.
      if (!this.head.write(this.queue.shift()) && this.head.writableLength > this.options.inFlightBytes) {
        await Promise.race([once(this.head, "drain"), this.done]);
      }
    }
    if (this.failure) throw this.failure;
  }

  /** Writes what is left and resolves when the file is complete on disk. */
  async close(): Promise<void> {
    this.rotate();
    await this.flush();
    this.head.end();
    await this.done;
  }

  private writeBytes(bytes: Buffer): void {
    if (bytes.length > this.buffer.length - this.used) {
      this.rotate();
      if (bytes.length > this.buffer.length) {
        this.queue.push(bytes);
        return;
      }
    }
    this.used += bytes.copy(this.buffer, this.used);
  }

  /** Queues the filled part of the buffer and starts a new one. */
  private rotate(): void {
    if (this.used === 0) return;
    this.queue.push(this.buffer.subarray(0, this.used));
    this.buffer = Buffer.allocUnsafe(this.options.chunkBytes);
    this.used = 0;
  }
}
