import { createReadStream } from "node:fs";

/**
 * Streams a file's lines to `onLine` with their 1-based line numbers, holding at most one chunk plus one
 * partial line in memory. Lines are handed over synchronously within each chunk: an async iterator per
 * line costs a promise round-trip per example, which dominated the time on large datasets. Splitting on
 * raw bytes (0x0A) is safe for UTF-8 and faster than `readline`.
 */
export async function forEachLine(path: string, onLine: (text: string, line: number) => void): Promise<void> {
  let carry: Buffer | undefined;
  let line = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buffer = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    let start = 0;
    for (let end = buffer.indexOf(0x0a, start); end !== -1; end = buffer.indexOf(0x0a, start)) {
      onLine(decodeLine(buffer, start, end), ++line);
      start = end + 1;
    }
    carry = start < buffer.length ? buffer.subarray(start) : undefined;
  }
  if (carry !== undefined && carry.length > 0) onLine(decodeLine(carry, 0, carry.length), ++line);
}

/** Decodes one line, dropping a Windows `\r` and a UTF-8 byte-order mark. */
function decodeLine(buffer: Buffer, start: number, end: number): string {
  const stop = end > start && buffer[end - 1] === 0x0d ? end - 1 : end;
  const text = buffer.toString("utf8", start, stop);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
