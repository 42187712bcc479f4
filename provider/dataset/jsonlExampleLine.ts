import { isUtf8 } from "node:buffer";
import { StringText, Utf8SpanText, type ExampleText, type ExampleTexts } from "./exampleText";
import { DEFAULT_MAPPING, DEFAULT_INPUT_ALIASES } from "./exampleFromRecord";
import type { DatasetFieldMapping } from "./types";

/**
 * The keys a JSONL line's example is looked up by, as UTF-8, in the order `exampleFromRecord` prefers
 * them; or undefined when the fast path cannot be used for the mapping (a key that `in` would also find on
 * `Object.prototype`, such as `constructor`, is left to the general path).
 */
export interface JsonlKeys {
  /** Candidate input keys, preferred first. */
  input: Buffer[];
  /** The output key. */
  output: Buffer;
}

/** The {@link JsonlKeys} of a mapping, or undefined when every line must take the general path. */
export function jsonlKeys(mapping: DatasetFieldMapping): JsonlKeys | undefined {
  const inputKeys = mapping.input === DEFAULT_MAPPING.input ? DEFAULT_INPUT_ALIASES : [mapping.input];
  if ([...inputKeys, mapping.output].some((key) => key in Object.prototype)) return undefined;
  return { input: inputKeys.map((key) => Buffer.from(key, "utf8")), output: Buffer.from(mapping.output, "utf8") };
}

// Byte values of the JSON syntax the recognizer reads.
const SPACE = 0x20, TAB = 0x09, CR = 0x0d, QUOTE = 0x22, BACKSLASH = 0x5c, COLON = 0x3a, COMMA = 0x2c, OPEN = 0x7b, CLOSE = 0x7d;

/** A string found on the line. */
interface FoundString {
  /** Index just past the closing quote. */
  next: number;
  /** Span of the characters between the quotes, as written. */
  start: number;
  end: number;
  /** The string as an example text (values only). */
  text?: ExampleText;
}

/**
 * Reads the example of one JSONL line straight from its bytes when the line has the usual shape: a JSON
 * object whose values are strings, holding the mapped keys, in valid UTF-8. Returns undefined for anything
 * else (other value types, a missing key, invalid JSON, a byte-order mark or escapes in a key), and the
 * caller then parses the line with `JSON.parse` and `exampleFromRecord`, which produce the same example for
 * every line this accepts and the error message for every line it does not. Texts without escapes are not
 * decoded: their bytes go to the fingerprint and the Vertex file as they are, which is most of the speed of
 * a scan. `line[start, end)` excludes the line break; `utf8` says it is known to be valid UTF-8.
 */
export function jsonlExampleLine(line: Buffer, start: number, end: number, keys: JsonlKeys, utf8 = false): ExampleTexts | undefined {
  if (!utf8 && !isUtf8(line.subarray(start, end))) return undefined;
  let at = skipSpace(line, start, end);
  if (at >= end || line[at] !== OPEN) return undefined;
  at = skipSpace(line, at + 1, end);
  // The last occurrence of a key wins, as in JSON.parse.
  const inputs: Array<ExampleText | undefined> = keys.input.map(() => undefined);
  let output: ExampleText | undefined;
  for (;;) {
    if (at >= end || line[at] !== QUOTE) return undefined;
    const key = readString(line, at + 1, end, false);
    if (key === undefined) return undefined;
    at = skipSpace(line, key.next, end);
    if (at >= end || line[at] !== COLON) return undefined;
    at = skipSpace(line, at + 1, end);
    if (at >= end || line[at] !== QUOTE) return undefined;
    const value = readString(line, at + 1, end, true);
    if (value === undefined) return undefined;
    for (let k = 0; k < keys.input.length; k++) if (spanEquals(line, key.start, key.end, keys.input[k])) inputs[k] = value.text;
    if (spanEquals(line, key.start, key.end, keys.output)) output = value.text;
    at = skipSpace(line, value.next, end);
    if (at < end && line[at] === COMMA) {
      at = skipSpace(line, at + 1, end);
      continue;
    }
    if (at >= end || line[at] !== CLOSE) return undefined;
    break;
  }
  if (skipSpace(line, at + 1, end) !== end) return undefined;
  const textInput = inputs.find((text) => text !== undefined);
  if (textInput === undefined || output === undefined) return undefined;
  return { textInput, output };
}

function skipSpace(line: Buffer, at: number, end: number): number {
  while (at < end) {
    const byte = line[at];
    if (byte !== SPACE && byte !== TAB && byte !== CR) break;
    at++;
  }
  return at;
}

/**
 * Reads the string whose characters start at `start` (just past its opening quote). Without escapes the
 * characters are checked (no control character, which JSON forbids) and counted in UTF-16 units on the way;
 * with escapes, a value is decoded by JSON.parse (which also validates the escapes) and a key is refused.
 */
function readString(line: Buffer, start: number, end: number, isValue: boolean): FoundString | undefined {
  const close = line.indexOf(QUOTE, start);
  if (close === -1 || close >= end) return undefined;
  const scan = scanCharacters(line, start, close);
  if (scan === CONTROL) return undefined;
  if (scan === ESCAPE) return isValue ? readEscapedString(line, start, end) : undefined;
  if (!isValue) return { next: close + 1, start, end: close };
  return { next: close + 1, start, end: close, text: new Utf8SpanText(line, start, close, scan.length, scan.lineSeparator) };
}

const CONTROL = 1 as const;
const ESCAPE = 2 as const;

/** What {@link scanCharacters} found in a span without escapes. */
interface Characters {
  /** Length in UTF-16 units. */
  length: number;
  /** Whether U+2028 or U+2029 occurs. */
  lineSeparator: boolean;
}

let wordsOf: { bytes: Buffer; words: Int32Array } | undefined;

/**
 * Scans `bytes[start, end)` (valid UTF-8) for a control character or a backslash, counting UTF-16 units.
 * Four bytes are tested at a time (pure ASCII without control characters or backslashes is one test per
 * word), and only a word that may hold something else is looked at byte by byte: this loop is most of
 * the work of a scan, and the word test makes it about three times faster.
 */
function scanCharacters(bytes: Buffer, start: number, end: number): Characters | typeof CONTROL | typeof ESCAPE {
  const counts = { continuation: 0, astral: 0, lineSeparator: false };
  const first = (start + bytes.byteOffset + 3) & ~3;
  const last = (end + bytes.byteOffset) & ~3;
  if (first >= last) {
    const found = scanBytes(bytes, start, end, counts);
    if (found !== 0) return found;
  } else {
    if (wordsOf?.bytes !== bytes) wordsOf = { bytes, words: new Int32Array(bytes.buffer, 0, bytes.buffer.byteLength >> 2) };
    const words = wordsOf.words;
    const head = scanBytes(bytes, start, first - bytes.byteOffset, counts);
    if (head !== 0) return head;
    for (let w = first >> 2, stop = last >> 2; w < stop; w++) {
      const word = words[w];
      const nonAscii = word & 0x80808080;
      const control = ((word - 0x20202020) | 0) & ~word & 0x80808080;
      const backslashes = word ^ 0x5c5c5c5c;
      const backslash = ((backslashes - 0x01010101) | 0) & ~backslashes & 0x80808080;
      if ((nonAscii | control | backslash) !== 0) {
        const at = (w << 2) - bytes.byteOffset;
        const found = scanBytes(bytes, at, at + 4, counts);
        if (found !== 0) return found;
      }
    }
    const tail = scanBytes(bytes, last - bytes.byteOffset, end, counts);
    if (tail !== 0) return tail;
  }
  return { length: end - start - counts.continuation + counts.astral, lineSeparator: counts.lineSeparator };
}

/** The byte-by-byte form of {@link scanCharacters}; returns 0 or what stopped it. */
function scanBytes(
  bytes: Buffer,
  start: number,
  end: number,
  counts: { continuation: number; astral: number; lineSeparator: boolean },
): 0 | typeof CONTROL | typeof ESCAPE {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte < 0x80) {
      if (byte < SPACE) return CONTROL;
      if (byte === BACKSLASH) return ESCAPE;
    } else if (byte < 0xc0) counts.continuation++;
    else if (byte >= 0xf0) counts.astral++;
    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 (the sequence may straddle a word: read ahead).
    else if (byte === 0xe2 && bytes[i + 1] === 0x80 && (bytes[i + 2] === 0xa8 || bytes[i + 2] === 0xa9)) counts.lineSeparator = true;
  }
  return 0;
}

function readEscapedString(line: Buffer, start: number, end: number): FoundString | undefined {
  let close = line.indexOf(QUOTE, start);
  // A quote preceded by an odd number of backslashes is escaped.
  for (;;) {
    if (close === -1 || close >= end) return undefined;
    let backslashes = 0;
    while (line[close - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) break;
    close = line.indexOf(QUOTE, close + 1);
  }
  let text: unknown;
  try {
    text = JSON.parse(line.toString("utf8", start - 1, close + 1));
  } catch {
    return undefined;
  }
  return { next: close + 1, text: new StringText(text as string), start, end: close };
}

function spanEquals(line: Buffer, start: number, end: number, key: Buffer): boolean {
  if (end - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (line[start + i] !== key[i]) return false;
  return true;
}
