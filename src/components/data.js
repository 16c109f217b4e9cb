import {tableFromIPC} from "apache-arrow";

/**
 * Arrow bytes as plain row objects. Pages pass `FileAttachment("….arrow").arrayBuffer()`: naming
 * the file without `.arrayBuffer()` would make Framework add apache-arrow from a CDN.
 */
export async function arrowRows(bytes) {
  const table = tableFromIPC(await bytes);
  return table.toArray().map((row) => row.toJSON());
}
