import { join } from "node:path";
import { ChunkedFileWriter } from "./ChunkedFileWriter.ts";
import type { GeneratorContext } from "./generatorContext.ts";

/**
 * Opens a data file of a bundle in the run's encoding and compression; `path` is the manifest's
 * (relative to the bundle, `.gz` added under --gzip).
 */
export function openBundleFile(ctx: GeneratorContext, bundleDir: string, name: string): { path: string; writer: ChunkedFileWriter } {
  const { options, params } = ctx;
  const path = options.gzip ? `${name}.gz` : name;
  const writer = ChunkedFileWriter.open(join(bundleDir, path), {
    encoding: options.encoding,
    gzip: options.gzip,
    chunkBytes: params.writerChunkBytes,
    inFlightBytes: params.writerInFlightBytes,
    gzipLevel: params.gzipLevel,
  });
  return { path, writer };
}
