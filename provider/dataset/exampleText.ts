import type { TuningExample } from "./types";

/**
 * Where the bytes of example texts go: the fingerprint's hash and the Vertex file writer both take text as
 * a string (encoded as UTF-8) or as UTF-8 bytes already in a buffer, which is what lets a file's bytes reach
 * the hash without being decoded and encoded again.
 */
export interface Utf8Sink {
  /** Appends the UTF-8 of `text`. */
  writeText(text: string): void;
  /** Appends `bytes[start, end)`, which must be UTF-8. */
  writeBytes(bytes: Buffer, start: number, end: number): void;
}

/**
 * One text of an example (its input or output) as a reader found it: its length in UTF-16 units (what the
 * limits and the fingerprint count) is known at once, its characters are produced only when asked for.
 */
export interface ExampleText {
  /** Length in UTF-16 code units, as `String.prototype.length`. */
  readonly length: number;
  /** The text. */
  toString(): string;
  /** Appends the text's UTF-8 to `sink`. */
  writeUtf8(sink: Utf8Sink): void;
  /**
   * Appends the text as a JSON string literal, exactly `JSON.stringify(text)` with U+2028 and U+2029
   * written as `\u2028` and `\u2029` (the form of the Vertex JSONL lines).
   */
  writeJsonString(sink: Utf8Sink): void;
}

/** The input and output of one example. */
export interface ExampleTexts {
  /** The prompt. */
  textInput: ExampleText;
  /** The expected answer. */
  output: ExampleText;
}

/** `JSON.stringify(text)` with the line and paragraph separators escaped (see {@link ExampleText.writeJsonString}). */
export function jsonStringLiteral(text: string): string {
  // JSON allows U+2028 and U+2029 unescaped, but line readers that treat them as line breaks (Python's
  // `splitlines`, some JavaScript tooling) would cut a JSONL line in two; escaped, the text is unchanged.
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** A text held as a string (inline examples, CSV and JSON files, JSONL lines off the fast path). */
export class StringText implements ExampleText {
  constructor(private readonly text: string) {}

  get length(): number {
    return this.text.length;
  }

  toString(): string {
    return this.text;
  }

  writeUtf8(sink: Utf8Sink): void {
    sink.writeText(this.text);
  }

  writeJsonString(sink: Utf8Sink): void {
    sink.writeText(jsonStringLiteral(this.text));
  }
}

/** The texts of an example held as strings. */
export function textsOf(example: TuningExample): ExampleTexts {
  return { textInput: new StringText(example.textInput), output: new StringText(example.output) };
}

const QUOTE = Buffer.from('"');

/**
 * A text that is a span of valid UTF-8 in a reader's buffer holding the characters of a JSON string with no
 * escapes (so no quote, backslash or control character). Its bytes are its UTF-8 and, between quotes, its
 * JSON literal. It points into a buffer the reader reuses: valid only while the reader's visitor runs.
 */
export class Utf8SpanText implements ExampleText {
  constructor(
    private readonly bytes: Buffer,
    private readonly start: number,
    private readonly end: number,
    readonly length: number,
    /** Whether the span holds U+2028 or U+2029, which the JSON literal must escape. */
    private readonly hasLineSeparator: boolean,
  ) {}

  toString(): string {
    return this.bytes.toString("utf8", this.start, this.end);
  }

  writeUtf8(sink: Utf8Sink): void {
    sink.writeBytes(this.bytes, this.start, this.end);
  }

  writeJsonString(sink: Utf8Sink): void {
    if (this.hasLineSeparator) {
      sink.writeText(jsonStringLiteral(this.toString()));
      return;
    }
    // No escapes and valid UTF-8 (no lone surrogates): JSON.stringify would write these very characters.
    sink.writeBytes(QUOTE, 0, 1);
    sink.writeBytes(this.bytes, this.start, this.end);
    sink.writeBytes(QUOTE, 0, 1);
  }
}
