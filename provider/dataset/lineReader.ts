import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";

/** Bytes read from the file at a time. */
const CHUNK_BYTES = 1 << 20;

/**
 * Streams a file's lines to `onLine` as spans of one buffer, `bytes[start, end)` without the line break
 * (`\n`, or `\r\n`), with their 1-based line numbers. Lines are handed over synchronously within each chunk:
 * an async iterator per line costs a promise round-trip per example, which dominated the time on large
 * datasets. Splitting on raw bytes (0x0A) is safe for UTF-8. The buffer is reused for the next chunk (a
 * partial line moves to its front, and it grows only for a line longer than itself), so memory stays at
 * one chunk plus the longest line, and `onLine` must not keep the bytes. `utf8` is true when the line is
 * known to be valid UTF-8 (each chunk's complete lines are checked at once; false means "not checked").
 */
export async function forEachLine(
  path: string,
  onLine: (bytes: Buffer, start: number, end: number, line: number, utf8: boolean) => void,
): Promise<void> {
  const file = await open(path, "r");
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    let line = 0;
    for (;;) {
      if (filled === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, filled);
        buffer = larger;
      }
      const { bytesRead } = await file.read(buffer, filled, buffer.length - filled, null);
      const end = filled + bytesRead;
      let start = 0;
      // A line break cannot be part of a multi-byte sequence, so valid UTF-8 up to the last one means every
      // complete line in it is valid.
      const lastBreak = end === 0 ? -1 : buffer.lastIndexOf(0x0a, end - 1);
      const utf8 = lastBreak >= filled && isUtf8(buffer.subarray(0, lastBreak));
      for (let lineEnd = buffer.indexOf(0x0a, filled); lineEnd !== -1 && lineEnd < end; lineEnd = buffer.indexOf(0x0a, lineEnd + 1)) {
        onLine(buffer, start, withoutCarriageReturn(buffer, start, lineEnd), ++line, utf8);
        start = lineEnd + 1;
      }
      if (bytesRead === 0) {
        if (start < end) onLine(buffer, start, withoutCarriageReturn(buffer, start, end), ++line, false);
        return;
      }
      buffer.copy(buffer, 0, start, end);
      filled = end - start;
    }
  } finally {
    await file.close();
  }
}

function withoutCarriageReturn(bytes: Buffer, start: number, end: number): number {
  return end > start && bytes[end - 1] === 0x0d ? end - 1 : end;
}

/** Decodes one line, dropping a UTF-8 byte-order mark. */
export function decodeLine(bytes: Buffer, start: number, end: number): string {
  const text = bytes.toString("utf8", start, end);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
