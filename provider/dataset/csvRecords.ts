import { createReadStream } from "node:fs";
import { parse as parseCsv } from "csv-parse";
import { DatasetError } from "./datasetError";

/** Receives each CSV row as an object keyed by the header's column names, with the line it ends on. */
export type CsvRecordVisitor = (record: Record<string, string>, line: number) => void;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
/** A UTF-8 byte-order mark, skipped at the start of a file as csv-parse's `bom` option does. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Read size: large enough that per-chunk costs vanish, small enough to keep memory flat. */
const READ_BYTES = 1 << 20;

/** What the byte scanner does not read itself; `csv-parse` then reads the file and has the last word. */
class NotPlainCsv extends Error {}

/**
 * The rows of a CSV dataset: a header line naming the columns, then one record per row (RFC 4180:
 * comma-separated, fields optionally in double quotes with `""` for a quote, `\n` or `\r\n` ends a row,
 * empty lines skipped), each with the line it ends on.
 *
 * A byte scanner reads the plain case several times faster than `csv-parse` (the cost of a large CSV's
 * every preview); anything else it meets (a lone `\r`, a stray quote, a row of the wrong length) hands
 * the file to `csv-parse` with the options this package always used, so its acceptance and its error
 * messages stay exactly as they were. `chunkBytes` sets the read size (tests put chunk boundaries
 * everywhere).
 */
export async function forEachCsvRecord(file: string, visit: CsvRecordVisitor, { chunkBytes = READ_BYTES }: { chunkBytes?: number } = {}): Promise<void> {
  let visited = 0;
  try {
    await scanPlainCsv(file, chunkBytes, (record, line) => {
      visited++;
      visit(record, line);
    });
  } catch (error) {
    if (!(error instanceof NotPlainCsv)) throw error;
    // Rows already visited are the same rows csv-parse yields first: skip them, go on from there.
    await parseWithCsvParse(file, visited, visit);
  }
}

async function scanPlainCsv(file: string, chunkBytes: number, visit: CsvRecordVisitor): Promise<void> {
  const scan = new PlainCsvScan(visit);
  const stream = createReadStream(file, { highWaterMark: chunkBytes });
  try {
    let rest: Buffer | undefined;
    let bomChecked = false;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let data = rest === undefined ? chunk : Buffer.concat([rest, chunk]);
      if (!bomChecked) {
        if (data.length < BOM.length && BOM.subarray(0, data.length).equals(data)) {
          rest = data;
          continue;
        }
        bomChecked = true;
        if (data.subarray(0, BOM.length).equals(BOM)) data = data.subarray(BOM.length);
      }
      const used = scan.feed(data, false);
      rest = used < data.length ? data.subarray(used) : undefined;
    }
    scan.feed(rest ?? Buffer.alloc(0), true);
  } finally {
    stream.destroy();
  }
}

/** The scanner's state across chunks: the header, and the line count where the next row starts. */
class PlainCsvScan {
  /** How rows end, taken from the first row as csv-parse does; undefined until the first line break. */
  private rowEnd: RowEnd | undefined;
  private columns: string[] | undefined;
  private line = 1;

  constructor(private readonly visit: CsvRecordVisitor) {}

  /** Reads every complete row of `data` (all of it when `final`); returns how many bytes it used. */
  feed(data: Buffer, final: boolean): number {
    const next = new NextByte(data);
    let at = 0;
    while (at < data.length) {
      const row = readRow(next, at, final, this.rowEnd);
      if (row === undefined) break;
      this.rowEnd ??= row.endedBy;
      at = row.next;
      const line = this.line + row.newlinesInside;
      this.line = line + (row.endedByNewline ? 1 : 0);
      if (row.fields.length === 1 && row.empty) continue;
      if (this.columns === undefined) {
        this.columns = row.fields;
        continue;
      }
      if (row.fields.length !== this.columns.length) throw new NotPlainCsv(`row of ${row.fields.length} fields under ${this.columns.length} columns`);
      const record: Record<string, string> = {};
      for (let i = 0; i < row.fields.length; i++) record[this.columns[i]] = row.fields[i];
      this.visit(record, line);
    }
    return at;
  }
}

/** A row's line break: csv-parse takes the first one in the file and ends rows only there. */
type RowEnd = "\n" | "\r\n";

interface Row {
  fields: string[];
  /** Where the next row starts. */
  next: number;
  /** Line breaks inside quoted fields (the row ends that many lines after it starts). */
  newlinesInside: number;
  endedByNewline: boolean;
  /** The line break that ended it (undefined at the end of the file). */
  endedBy?: RowEnd;
  /** The row is an empty line. */
  empty: boolean;
}

/**
 * Reads one row from `start`; undefined when `data` ends before the row does and more may follow. A line
 * break other than the file's `rowEnd` (a `\r` in a `\n` file, a bare `\n` in a `\r\n` one) is field
 * text to csv-parse; those rows go to csv-parse.
 */
function readRow(next: NextByte, start: number, final: boolean, rowEnd: RowEnd | undefined): Row | undefined {
  const data = next.data;
  const fields: string[] = [];
  let at = start;
  let newlinesInside = 0;
  for (;;) {
    let field: string;
    if (data[at] === QUOTE) {
      const quoted = readQuoted(next, at + 1, final);
      if (quoted === undefined) return undefined;
      field = quoted.text;
      newlinesInside += quoted.newlines;
      at = quoted.next;
    } else {
      const end = Math.min(next.after(COMMA, at), next.after(LF, at), next.after(CR, at));
      if (next.after(QUOTE, at) < end) throw new NotPlainCsv("a quote inside an unquoted field");
      if (end === data.length && !final) return undefined;
      field = data.toString("utf8", at, end);
      at = end;
    }
    fields.push(field);
    if (at === data.length) {
      if (!final) return undefined;
      return { fields, next: at, newlinesInside, endedByNewline: false, empty: at === start };
    }
    const byte = data[at];
    if (byte === COMMA) {
      at++;
      continue;
    }
    if (byte === CR) {
      if (at + 1 === data.length && !final) return undefined;
      if (data[at + 1] !== LF || rowEnd === "\n") throw new NotPlainCsv("a carriage return that does not end the row");
      return { fields, next: at + 2, newlinesInside, endedByNewline: true, endedBy: "\r\n", empty: at === start };
    }
    if (byte === LF) {
      if (rowEnd === "\r\n") throw new NotPlainCsv("a line feed without a carriage return in a CRLF file");
      return { fields, next: at + 1, newlinesInside, endedByNewline: true, endedBy: "\n", empty: at === start };
    }
    throw new NotPlainCsv("text after a closing quote");
  }
}

/** A quoted field's text from just after its opening quote; undefined when it may continue in the next chunk. */
function readQuoted(next: NextByte, from: number, final: boolean): { text: string; next: number; newlines: number } | undefined {
  const data = next.data;
  const pieces: string[] = [];
  let at = from;
  for (;;) {
    const quote = next.after(QUOTE, at);
    if (quote === data.length) {
      if (final) throw new NotPlainCsv("a quoted field that is never closed");
      return undefined;
    }
    if (quote + 1 === data.length && !final) return undefined;
    pieces.push(data.toString("utf8", at, quote));
    if (data[quote + 1] === QUOTE) {
      pieces.push('"');
      at = quote + 2;
      continue;
    }
    const text = pieces.length === 1 ? pieces[0] : pieces.join("");
    return { text, next: quote + 1, newlines: countNewlines(next, from, quote) };
  }
}

/**
 * Line breaks inside a quoted field, counted as csv-parse counts them (its line numbers are the ones this
 * package has always reported): every `\r` and every `\n`, so a `\r\n` inside quotes counts twice.
 */
function countNewlines(next: NextByte, from: number, to: number): number {
  let count = 0;
  for (const byte of [LF, CR]) for (let at = next.after(byte, from); at < to; at = next.after(byte, at + 1)) count++;
  return count;
}

/**
 * Where the next occurrence of a byte is in one buffer (its length when there is none), found by
 * `indexOf` and remembered: the scan only moves forward, so each byte value's occurrences are searched
 * once, and the long runs of text between them are never stepped through one byte at a time.
 */
class NextByte {
  private readonly found = new Map<number, number>();

  constructor(readonly data: Buffer) {}

  after(byte: number, from: number): number {
    const known = this.found.get(byte);
    if (known !== undefined && known >= from) return known;
    const index = this.data.indexOf(byte, from);
    const at = index < 0 ? this.data.length : index;
    this.found.set(byte, at);
    return at;
  }
}

/**
 * The file through `csv-parse` (header row as column names, BOM and empty lines skipped), its first
 * `skip` rows not visited again. Its error is the dataset's; a file it accepts is read to the end.
 */
async function parseWithCsvParse(file: string, skip: number, visit: CsvRecordVisitor): Promise<void> {
  const parser = createReadStream(file).pipe(parseCsv({ bom: true, columns: true, skip_empty_lines: true, info: true }));
  let seen = 0;
  try {
    for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (seen++ < skip) continue;
      visit(row.record, row.info.lines);
    }
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    const csvError = error as Error & { lines?: number };
    throw new DatasetError({ file, line: csvError.lines, message: `not valid CSV (${csvError.message})` });
  } finally {
    parser.destroy();
  }
}
