import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { datasetFingerprint, DatasetError, scanDatasetFile } from "../../../provider/dataset";
import { NUMBER_EXAMPLES } from "../../fixtures/numbers";

const DEFAULT = { input: "textInput", output: "output" };
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "dataset-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function problemOf(promise: Promise<unknown>): Promise<DatasetError["problem"]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).problem;
}

describe("scanDatasetFile", () => {
  const jsonl = NUMBER_EXAMPLES.map((e) => JSON.stringify(e)).join("\n") + "\n";

  it("fingerprints the examples, not the bytes: JSONL, CSV, JSON and inline agree", async () => {
    const csv = "prompt,answer\r\n" + NUMBER_EXAMPLES.map((e) => `"${e.textInput}","${e.output}"`).join("\r\n");
    const json = JSON.stringify({ examples: { examples: NUMBER_EXAMPLES } }, null, 2);
    const fromJsonl = await scanDatasetFile({ path: file("a.jsonl", jsonl), format: "jsonl", mapping: DEFAULT });
    const fromCsv = await scanDatasetFile({ path: file("a.csv", csv), format: "csv", mapping: { input: "prompt", output: "answer" } });
    const fromJson = await scanDatasetFile({ path: file("a.json", json), format: "json", mapping: DEFAULT });
    expect(fromJsonl.exampleCount).toBe(15);
    expect(fromJsonl.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(fromCsv.fingerprint).toBe(fromJsonl.fingerprint);
    expect(fromJson.fingerprint).toBe(fromJsonl.fingerprint);
    expect(datasetFingerprint(NUMBER_EXAMPLES)).toBe(fromJsonl.fingerprint);
  });

  it("changes the fingerprint when a line is appended or an example edited", async () => {
    const base = await scanDatasetFile({ path: file("b.jsonl", jsonl), format: "jsonl", mapping: DEFAULT });
    const appended = await scanDatasetFile({ path: file("c.jsonl", jsonl + '{"textInput":"4","output":"5"}\n'), format: "jsonl", mapping: DEFAULT });
    const edited = await scanDatasetFile({ path: file("d.jsonl", jsonl.replace('"2"', '"3"')), format: "jsonl", mapping: DEFAULT });
    expect(appended.exampleCount).toBe(16);
    expect(new Set([base.fingerprint, appended.fingerprint, edited.fingerprint]).size).toBe(3);
  });

  it("accepts text_input, CRLF line ends, blank lines and numbers as text; collects examples", async () => {
    const text = '{"text_input": 1, "output": 2}\r\n\r\n{"textInput":"a","output":"b"}';
    const scanned = await scanDatasetFile({ path: file("e.jsonl", text), format: "jsonl", mapping: DEFAULT }, { collect: true });
    expect(scanned.examples).toEqual([{ textInput: "1", output: "2" }, { textInput: "a", output: "b" }]);
  });

  it("names the file and line of an unparsable JSONL line", async () => {
    const path = file("bad.jsonl", '{"textInput":"1","output":"2"}\n{"textInput": "3", \n');
    expect(await problemOf(scanDatasetFile({ path, format: "jsonl", mapping: DEFAULT }))).toEqual(
      expect.objectContaining({ file: path, line: 2, message: expect.stringContaining("not valid JSON") }),
    );
  });

  it("names a missing mapped key and the keys present", async () => {
    const path = file("keys.jsonl", '{"question":"1","answer":"2"}\n');
    const problem = await problemOf(scanDatasetFile({ path, format: "jsonl", mapping: { input: "question", output: "output" } }));
    expect(problem.line).toBe(1);
    expect(problem.message).toBe('missing "output" (present: "question", "answer")');
  });

  it("names a missing CSV column with its line", async () => {
    const path = file("cols.csv", "q,a\n1,2\n");
    const problem = await problemOf(scanDatasetFile({ path, format: "csv", mapping: { input: "q", output: "answer" } }));
    expect(problem).toEqual(expect.objectContaining({ line: 2, message: expect.stringContaining('missing column "answer"') }));
  });

  it("rejects examples over the documented limits, an empty file and a missing file", async () => {
    const long = file("long.jsonl", JSON.stringify({ textInput: "x", output: "y".repeat(5001) }) + "\n");
    expect((await problemOf(scanDatasetFile({ path: long, format: "jsonl", mapping: DEFAULT }))).message).toMatch(/output has 5001 characters; the limit is 5000/);
    const longInput = file("long-in.jsonl", JSON.stringify({ textInput: "x".repeat(40_001), output: "y" }) + "\n");
    expect((await problemOf(scanDatasetFile({ path: longInput, format: "jsonl", mapping: DEFAULT }))).message).toMatch(/limit is 40000/);
    const empty = file("empty.jsonl", "\n\n");
    expect((await problemOf(scanDatasetFile({ path: empty, format: "jsonl", mapping: DEFAULT }))).message).toBe("the dataset has no examples");
    const missing = join(dir, "nope.jsonl");
    expect(await problemOf(scanDatasetFile({ path: missing, format: "jsonl", mapping: DEFAULT }))).toEqual({ file: missing, message: "file not found" });
  });

  it("locates a bad JSON element by index", async () => {
    const path = file("bad.json", JSON.stringify([{ textInput: "1", output: "2" }, { textInput: "3" }]));
    expect((await problemOf(scanDatasetFile({ path, format: "json", mapping: DEFAULT }))).message).toMatch(/^examples\[1\]: missing "output"/);
  });

  it("reads lines that straddle stream chunks", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ textInput: `input number ${i} `.repeat(5), output: `${i + 1}` })).join("\n");
    const scanned = await scanDatasetFile({ path: file("many.jsonl", many), format: "jsonl", mapping: DEFAULT }, { collect: true });
    expect(scanned.exampleCount).toBe(20_000);
    expect(scanned.examples?.[12_345]).toEqual({ textInput: "input number 12345 ".repeat(5), output: "12346" });
  });
});
