import { createReadStream } from "node:fs";
import { DatasetError } from "./datasetError";

/**
 * One element of a JSON dataset's examples array, as written: `bytes[start, end)`, without the whitespace
 * around it. The view and its bytes are the reader's and change with the next element: use them during
 * the visit.
 */
export interface JsonElement {
  readonly bytes: Buffer;
  readonly start: number;
  readonly end: number;
  /** Its index in the examples array. */
  readonly index: number;
  /** The element parsed by `JSON.parse`; invalid JSON is a {@link DatasetError} naming the element. */
  record(): unknown;
}

/** Receives each element of a JSON dataset's examples array in order; throwing stops the read. */
export type JsonExampleVisitor = (element: JsonElement) => void;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** The longest key compared with `examples` (longer keys, with or without escapes, are other keys). */
const MAX_KEY_BYTES = 64;

/** Read size: large enough that per-chunk costs vanish, small enough to keep memory flat. */
const READ_BYTES = 1 << 20;

const NOT_EXAMPLES = 'expected an array of examples or an object with an "examples" array';

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * The examples of a JSON dataset in order, one element at a time, so that a file of any size is read in
 * constant memory: the document is scanned byte by byte (strings, escapes and nesting tracked), and only
 * one element's bytes are held, for the visitor to read straight from them or to parse. The examples array is the document
 * itself or the value of its `examples` key, followed inwards as long as that value is an object
 * (Google's request shape `{ "examples": { "examples": [...] } }`).
 *
 * Each element is validated by its reader; around them the scan checks the nesting and that nothing
 * follows the document, not every scalar of the other keys' values (a reader needs the examples only).
 * `chunkBytes` sets the read size (tests use tiny ones to put chunk boundaries everywhere).
 */
export async function forEachJsonExample(file: string, visit: JsonExampleVisitor, { chunkBytes = READ_BYTES }: { chunkBytes?: number } = {}): Promise<void> {
  const scan = new ExamplesScan(file, visit);
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  try {
    let first = true;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const start = first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf ? 3 : 0; // a UTF-8 BOM
      first = false;
      scan.feed(chunk, start);
    }
    scan.end();
  } finally {
    stream.destroy();
  }
}

type Mode =
  /** Before the document's first value. */
  | "root"
  /** In an object at `seekDepth`, looking for its `examples` key. */
  | "seek"
  /** Just after `"examples":` at `seekDepth`: the next value decides. */
  | "value"
  /** In the examples array, whose elements are at `elementDepth`. */
  | "elements"
  /** After the examples array: the rest only has to be well nested. */
  | "after";

/** The scanner's state, carried from one chunk to the next. */
class ExamplesScan {
  private mode: Mode = "root";
  /** Open containers, innermost last. */
  private readonly open: number[] = [];
  private inString = false;
  private escaped = false;
  private seekDepth = 0;
  private elementDepth = 0;
  /** The raw bytes of the string being read at `seekDepth` (a possible key), while short enough to matter. */
  private keyBytes: number[] | undefined;
  private lastKey: string | undefined;
  /** Pieces of the current element from earlier chunks; `elementStart` is where it starts in this one. */
  private elementParts: Buffer[] = [];
  private elementStart = -1;
  private index = 0;
  private rootClosed = false;
  private readonly view: ElementView;

  constructor(
    private readonly file: string,
    private readonly visit: JsonExampleVisitor,
  ) {
    this.view = new ElementView(file);
  }

  feed(chunk: Buffer, from: number): void {
    let i = from;
    while (i < chunk.length) {
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      const byte = chunk[i];
      if (isSpace(byte)) {
        i++;
        continue;
      }
      if (this.rootClosed) this.fail("not valid JSON (text after the end of the document)");
      const depth = this.open.length;
      if (this.mode === "elements" && depth === this.elementDepth) {
        if (byte === COMMA || byte === CLOSE_ARRAY) {
          this.takeElement(chunk, i, byte === CLOSE_ARRAY);
          if (byte === CLOSE_ARRAY) this.mode = "after";
        } else if (this.elementStart < 0 && this.elementParts.length === 0) {
          this.elementStart = i;
        }
      } else if (this.mode === "root" || this.mode === "value") {
        if (byte === OPEN_ARRAY) {
          this.mode = "elements";
          this.elementDepth = depth + 1;
        } else if (byte === OPEN_OBJECT) {
          this.mode = "seek";
          this.seekDepth = depth + 1;
        } else {
          this.fail(NOT_EXAMPLES);
        }
      } else if (this.mode === "seek" && depth === this.seekDepth) {
        if (byte === COLON && this.lastKey === "examples") this.mode = "value";
        if (byte === COMMA || byte === COLON) this.lastKey = undefined;
      }
      if (byte === QUOTE) {
        this.inString = true;
        this.keyBytes = this.mode === "seek" && depth === this.seekDepth ? [] : undefined;
      } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
        this.open.push(byte);
      } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
        const opened = this.open.pop();
        if (opened !== (byte === CLOSE_ARRAY ? OPEN_ARRAY : OPEN_OBJECT)) this.fail(`not valid JSON (unexpected "${String.fromCharCode(byte)}")`);
        if (this.mode === "seek" && depth === this.seekDepth) this.fail(NOT_EXAMPLES);
        if (this.open.length === 0) this.rootClosed = true;
      }
      i++;
    }
    if (this.elementStart >= 0) {
      this.elementParts.push(chunk.subarray(this.elementStart));
      this.elementStart = 0;
    }
  }

  /** At the end of the file: the examples array must have been found and the document closed. */
  end(): void {
    if (this.inString || this.open.length > 0) this.fail("not valid JSON (the document ends early)");
    if (this.mode !== "after") this.fail(NOT_EXAMPLES);
  }

  /** Moves past string bytes from `i`; returns where scanning goes on (after the closing quote, or the chunk's end). */
  private skipString(chunk: Buffer, i: number): number {
    let at = i;
    if (this.escaped) {
      this.escaped = false;
      this.keepKeyBytes(chunk, at, at + 1);
      at++;
    }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, at);
      const stop = quote < 0 ? chunk.length : quote;
      let backslashes = 0;
      while (stop - backslashes - 1 >= at && chunk[stop - backslashes - 1] === BACKSLASH) backslashes++;
      if (quote < 0) {
        this.escaped = backslashes % 2 === 1;
        this.keepKeyBytes(chunk, at, chunk.length);
        return chunk.length;
      }
      if (backslashes % 2 === 1) {
        this.keepKeyBytes(chunk, at, quote + 1);
        at = quote + 1;
        continue;
      }
      this.keepKeyBytes(chunk, at, quote);
      this.inString = false;
      if (this.keyBytes !== undefined) this.lastKey = keyText(this.keyBytes);
      this.keyBytes = undefined;
      return quote + 1;
    }
  }

  private keepKeyBytes(chunk: Buffer, from: number, to: number): void {
    if (this.keyBytes === undefined) return;
    if (this.keyBytes.length + (to - from) > MAX_KEY_BYTES) {
      this.keyBytes = undefined;
      this.lastKey = undefined;
      return;
    }
    for (let k = from; k < to; k++) this.keyBytes.push(chunk[k]);
  }

  /** Ends the element before `at` and visits it (the nothing before the `]` of an empty array is no element). */
  private takeElement(chunk: Buffer, at: number, closing: boolean): void {
    const pieces = this.elementParts;
    const elementStart = this.elementStart;
    this.elementParts = [];
    this.elementStart = -1;
    const index = this.index;
    if (pieces.length === 0 && elementStart < 0) {
      if (closing && index === 0) return;
      this.fail(`not valid JSON (examples[${index}] is empty)`);
    }
    this.index++;
    // Most elements lie in one chunk: viewed where they are, without a copy or a new buffer object.
    const single = pieces.length === 0;
    const bytes = single ? chunk : Buffer.concat(elementStart >= 0 ? [...pieces, chunk.subarray(elementStart, at)] : pieces);
    let end = single ? at : bytes.length;
    const start = single ? elementStart : 0;
    while (end > start && isSpace(bytes[end - 1])) end--;
    this.view.show(bytes, start, end, index);
    this.visit(this.view);
  }

  private fail(message: string): never {
    throw new DatasetError({ file: this.file, message });
  }
}

/** The reader's one {@link JsonElement}, shown each element in turn. */
class ElementView implements JsonElement {
  bytes: Buffer = Buffer.alloc(0);
  start = 0;
  end = 0;
  index = 0;

  constructor(private readonly file: string) {}

  show(bytes: Buffer, start: number, end: number, index: number): void {
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.index = index;
  }

  record(): unknown {
    try {
      return JSON.parse(this.bytes.toString("utf8", this.start, this.end));
    } catch (error) {
      throw new DatasetError({ file: this.file, message: `not valid JSON (examples[${this.index}]: ${(error as Error).message})` });
    }
  }
}

/** A key's text, escapes decoded (an unparsable one is no key at all). */
function keyText(bytes: number[]): string | undefined {
  try {
    return JSON.parse(`"${Buffer.from(bytes).toString("utf8")}"`) as string;
  } catch {
    return undefined;
  }
}
