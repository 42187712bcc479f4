// CSV datasets are read by a byte scanner in the plain case and by csv-parse otherwise: both must yield
// exactly the rows and lines csv-parse yields (with the options this package has always used), wherever
// the read chunks split the text, and refuse what csv-parse refuses with csv-parse's message.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { DatasetError } from "../../../provider/dataset";
import { forEachCsvRecord } from "../../../provider/dataset/csvRecords";

let dir: string;
let count = 0;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "csv-records-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string | Buffer): string {
  const path = join(dir, `d${count++}.csv`);
  writeFileSync(path, text);
  return path;
}

type Rows = Array<{ record: Record<string, string>; line: number }>;

async function rows(path: string, chunkBytes?: number): Promise<Rows> {
  const found: Rows = [];
  await forEachCsvRecord(path, (record, line) => found.push({ record, line }), { chunkBytes });
  return found;
}

/** What csv-parse itself yields for the text, or its error message. */
function reference(text: string | Buffer): Rows | string {
  try {
    const parsed = parseCsv(text, { bom: true, columns: true, skip_empty_lines: true, info: true }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
    return parsed.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (error) {
    return (error as Error).message;
  }
}

async function outcome(path: string, chunkBytes?: number): Promise<Rows | string> {
  try {
    return await rows(path, chunkBytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return (error as DatasetError).problem.message.replace(/^not valid CSV \((.*)\)$/s, "$1");
  }
}

const CASES: Array<[string, string | Buffer]> = [
  ["plain rows", "q,a\n1,2\n3,4\n"],
  ["no final newline", "q,a\n1,2\n3,4"],
  ["CRLF rows and quoted fields", 'q,a\r\n"1","2"\r\n"x, y","say ""hi"""\r\n'],
  ["newlines inside quotes move the line count", 'q,a\n"line one\nline two",2\n3,"a\r\nb"\n5,6\n'],
  ["empty lines are skipped", "q,a\n\n1,2\n\n\n3,4\n\n"],
  ["empty fields and non-ASCII", "q,a,b\n,é,\n😀,\"\",ü\n"],
  ["a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("q,a\n1,2\n")])],
  ["only a header", "q,a\n"],
  ["an empty file", ""],
  ["a lone carriage return ends rows (csv-parse's choice)", "q,a\r1,2\r3,4\r"],
  ["a row of the wrong length", "q,a\n1,2\n1,2,3\n"],
  ["a quote inside an unquoted field", 'q,a\n1,x"y\n'],
  ["text after a closing quote", 'q,a\n"1"x,2\n'],
  ["a quoted field never closed", 'q,a\n"1,2\n'],
  ["a plain start, then a stray quote late in the file", "q,a\n" + "1,2\n".repeat(50) + 'x,"y"z\n'],
];

describe("forEachCsvRecord", () => {
  test.each(CASES)("%s: as csv-parse, at every chunk size", async (_, text) => {
    const expected = reference(text);
    const path = file(text);
    for (const chunkBytes of [1, 2, 3, 5, 64, undefined]) expect(await outcome(path, chunkBytes)).toEqual(expected);
  });

  test("random CSV of quotes, commas, line breaks and non-ASCII: as csv-parse", async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pieces = ["a", "é", "😀", ",", '"', '""', "\n", "\r\n", " ", "x y"];
    for (let n = 0; n < 500; n++) {
      const fields = () => Array.from({ length: 2 }, () => {
        const text = Array.from({ length: Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]).join("");
        return random() < 0.5 ? `"${text.replace(/"/g, '""')}"` : text;
      });
      const rows = [random() < 0.7 ? "q,a" : fields().join(","), ...Array.from({ length: 1 + Math.floor(random() * 4) }, () => fields().join(","))];
      // Mostly one line break throughout, sometimes mixed.
      const mixed = random() < 0.2;
      const one = random() < 0.5 ? "\n" : "\r\n";
      const text = rows.reduce((all, row) => `${all}${mixed && random() < 0.5 ? (one === "\n" ? "\r\n" : "\n") : one}${row}`);
      const path = file(text);
      for (const chunkBytes of [1, 3, undefined]) expect([text, await outcome(path, chunkBytes)]).toEqual([text, reference(text)]);
    }
  });
});
