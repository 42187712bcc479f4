import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import {
  DatasetError,
  defaultVertexJsonlDir,
  vertexExampleLine,
  writeVertexJsonl,
  type DatasetSpec,
  type FileDatasetSpec,
  type TuningExample,
} from "../../../provider/dataset";
import { NUMBER_EXAMPLES } from "../../fixtures/numbers";

const DEFAULT = { input: "textInput", output: "output" };
let dir: string;
let cacheDir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "vertex-jsonl-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => (cacheDir = mkdtempSync(join(dir, "cache-"))));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function fileSpec(path: string, format: FileDatasetSpec["format"], mapping = DEFAULT): DatasetSpec {
  return { kind: "file", path, format, mapping };
}

/** The examples a Vertex JSONL file holds, read back with a plain JSON parser. */
function readBack(path: string): TuningExample[] {
  const lines = readFileSync(path, "utf8").split("\n");
  expect(lines.pop()).toBe(""); // every line, the last included, ends in \n
  return lines.map((line) => {
    const { contents } = JSON.parse(line) as { contents: { role: string; parts: { text: string }[] }[] };
    expect(contents.map((c) => c.role)).toEqual(["user", "model"]);
    return { textInput: contents[0].parts[0].text, output: contents[1].parts[0].text };
  });
}

async function problemOf(promise: Promise<unknown>): Promise<DatasetError["problem"]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).problem;
}

describe("vertexExampleLine", () => {
  it("is a user turn answered by a model turn, one line", () => {
    expect(vertexExampleLine({ textInput: "1", output: "2" })).toBe(
      '{"contents":[{"role":"user","parts":[{"text":"1"}]},{"role":"model","parts":[{"text":"2"}]}]}\n',
    );
  });
});

describe("writeVertexJsonl", () => {
  const jsonl = NUMBER_EXAMPLES.map((e) => JSON.stringify(e)).join("\n") + "\n";

  it("converts inline examples into a file named by the SHA-256 of its bytes", async () => {
    const written = await writeVertexJsonl({ kind: "inline", examples: NUMBER_EXAMPLES }, { cacheDir });
    const bytes = readFileSync(written.path);
    expect(written.exampleCount).toBe(15);
    expect(written.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(written.path).toBe(join(cacheDir, `${written.sha256}.jsonl`));
    expect(bytes.toString("utf8")).toBe(NUMBER_EXAMPLES.map(vertexExampleLine).join(""));
    expect(readBack(written.path)).toEqual(NUMBER_EXAMPLES);
  });

  it("gives the same path and bytes for the same examples from JSONL, CSV (mapped), JSON and inline", async () => {
    const csv = "prompt,answer\r\n" + NUMBER_EXAMPLES.map((e) => `"${e.textInput}","${e.output}"`).join("\r\n");
    const mappedJsonl = NUMBER_EXAMPLES.map((e) => JSON.stringify({ q: e.textInput, a: e.output, note: "ignored" })).join("\n");
    const results = [
      await writeVertexJsonl(fileSpec(file("a.jsonl", jsonl), "jsonl"), { cacheDir }),
      await writeVertexJsonl(fileSpec(file("a.csv", csv), "csv", { input: "prompt", output: "answer" }), { cacheDir }),
      await writeVertexJsonl(fileSpec(file("q.jsonl", mappedJsonl), "jsonl", { input: "q", output: "a" }), { cacheDir }),
      await writeVertexJsonl(fileSpec(file("a.json", JSON.stringify({ examples: NUMBER_EXAMPLES })), "json"), { cacheDir }),
      await writeVertexJsonl({ kind: "inline", examples: NUMBER_EXAMPLES }, { cacheDir }),
    ];
    expect(new Set(results.map((r) => r.path)).size).toBe(1);
    expect(results.every((r) => r.exampleCount === 15)).toBe(true);
    // Only the one file: no temporary files are left behind.
    expect(readdirSync(cacheDir)).toEqual([basename(results[0].path)]);
  });

  it("is deterministic across runs and concurrent writers; different data gives a different path", async () => {
    const spec = fileSpec(file("b.jsonl", jsonl), "jsonl");
    const [first, second] = await Promise.all([writeVertexJsonl(spec, { cacheDir }), writeVertexJsonl(spec, { cacheDir })]);
    const again = await writeVertexJsonl(spec, { cacheDir });
    expect(second).toEqual(first);
    expect(again).toEqual(first);
    const edited = await writeVertexJsonl(fileSpec(file("c.jsonl", jsonl.replace('"2"', '"3"')), "jsonl"), { cacheDir });
    expect(edited.path).not.toBe(first.path);
    expect(readdirSync(cacheDir).sort()).toEqual([basename(first.path), basename(edited.path)].sort());
  });

  it("keeps Unicode text exactly, one example per line even with line and paragraph separators", async () => {
    const examples = [
      { textInput: "héllo wörld — ünïcode", output: "日本語のテキスト" },
      { textInput: "emoji 👩‍💻 and 🇫🇷", output: "e\u0301 (combining) stays e\u0301" },
      { textInput: "line\nbreaks\r\nand \"quotes\" \\ slashes", output: "tab\there" },
      { textInput: "separators \u2028 and \u2029 inside", output: "ok" },
    ];
    const source = file("u.jsonl", examples.map((e) => JSON.stringify(e)).join("\n"));
    const written = await writeVertexJsonl(fileSpec(source, "jsonl"), { cacheDir });
    expect(written.exampleCount).toBe(4);
    expect(readBack(written.path)).toEqual(examples);
    const text = readFileSync(written.path, "utf8");
    expect(text).not.toMatch(/[\u2028\u2029]/);
    expect(text).toContain("日本語のテキスト"); // written as UTF-8, not \u escapes
    expect(written.path).toBe((await writeVertexJsonl({ kind: "inline", examples }, { cacheDir })).path);
  });

  it("does not apply the Gemini API's character limits (Vertex limits tokens)", async () => {
    const long = { textInput: "x".repeat(50_000), output: "y".repeat(10_000) };
    const written = await writeVertexJsonl({ kind: "inline", examples: [long] }, { cacheDir });
    expect(readBack(written.path)).toEqual([long]);
  });

  it("re-reads a file whose spec carries a Gemini-only problem, and reports a real one at its line", async () => {
    const source = file("gemini-too-long.jsonl", JSON.stringify({ textInput: "x".repeat(45_000), output: "y" }) + "\n");
    const withProblem: DatasetSpec = { ...(fileSpec(source, "jsonl") as FileDatasetSpec), problem: { file: source, line: 1, message: "the input has 45000 characters" } };
    expect((await writeVertexJsonl(withProblem, { cacheDir })).exampleCount).toBe(1);
    const broken = file("broken.jsonl", '{"textInput":"1","output":"2"}\n{"textInput": oops}\n');
    const brokenSpec: DatasetSpec = { ...(fileSpec(broken, "jsonl") as FileDatasetSpec), problem: { file: broken, line: 2, message: "not valid JSON" } };
    expect(await problemOf(writeVertexJsonl(brokenSpec, { cacheDir }))).toEqual(expect.objectContaining({ file: broken, line: 2 }));
  });

  it.each([
    ["invalid JSON", "bad.jsonl", '{"textInput":"1","output":"2"}\n\n{"textInput": "3",\n', "jsonl", 3, /not valid JSON/],
    ["an empty output", "empty-out.jsonl", '{"textInput":"1","output":"2"}\n{"textInput":"1","output":""}\n', "jsonl", 2, /the output text is empty/],
    ["an empty input", "empty-in.jsonl", '{"textInput":"","output":"2"}\n', "jsonl", 1, /the input text is empty/],
    ["a missing key", "no-key.jsonl", '{"textInput":"1","output":"2"}\n{"prompt":"1","output":"2"}\n', "jsonl", 2, /missing "textInput"/],
    ["a missing CSV column", "no-col.csv", "input,answer\n1,2\n", "csv", 2, /missing column "textInput"/],
  ] as const)("names the file and line of %s, and leaves no file behind", async (_what, name, text, format, line, message) => {
    const path = file(name, text);
    const problem = await problemOf(writeVertexJsonl(fileSpec(path, format), { cacheDir }));
    expect(problem).toEqual({ file: path, line, message: expect.stringMatching(message) });
    expect(new DatasetError(problem).message).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}: `));
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("reports a missing file, an empty file and an empty inline dataset", async () => {
    const missing = join(dir, "missing.jsonl");
    expect(await problemOf(writeVertexJsonl(fileSpec(missing, "jsonl"), { cacheDir }))).toEqual({ file: missing, message: "file not found" });
    const empty = file("empty.jsonl", "\n\n");
    expect(await problemOf(writeVertexJsonl(fileSpec(empty, "jsonl"), { cacheDir }))).toEqual({ file: empty, message: "the dataset has no examples" });
    expect((await problemOf(writeVertexJsonl({ kind: "inline", examples: [] }, { cacheDir }))).message).toBe("the dataset has no examples");
    expect(
      (await problemOf(writeVertexJsonl({ kind: "inline", examples: [{ textInput: "1", output: "2" }, { textInput: "3", output: "" }] }, { cacheDir }))).message,
    ).toBe("examples[1]: the output text is empty");
    const json = file("bad-item.json", JSON.stringify([{ textInput: "1", output: "2" }, { textInput: "", output: "2" }]));
    expect(await problemOf(writeVertexJsonl(fileSpec(json, "json"), { cacheDir }))).toEqual({
      file: json,
      message: "examples[1]: the input text is empty",
    });
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("streams a multi-megabyte file, including an example larger than the write batch, byte-exactly", async () => {
    const examples = Array.from({ length: 60_000 }, (_, i) => ({ textInput: `question ${i} ${"ü".repeat(i % 50)}`, output: `answer ${i}` }));
    examples.splice(30_000, 0, { textInput: "€".repeat(400_000), output: "big" }); // 1.2 MB of UTF-8 in one line
    const source = file("large.jsonl", examples.map((e) => JSON.stringify(e)).join("\n"));
    const written = await writeVertexJsonl(fileSpec(source, "jsonl"), { cacheDir });
    expect(written.exampleCount).toBe(60_001);
    const expected = createHash("sha256");
    for (const example of examples) expected.update(vertexExampleLine(example), "utf8");
    expect(written.sha256).toBe(expected.digest("hex"));
    expect(createHash("sha256").update(readFileSync(written.path)).digest("hex")).toBe(written.sha256);
  });

  it("defaults to a cache directory under the system's temporary directory", async () => {
    expect(defaultVertexJsonlDir()).toBe(join(tmpdir(), "pulumi-gemini-tuning", "vertex-jsonl"));
    const written = await writeVertexJsonl({ kind: "inline", examples: [{ textInput: `default dir ${process.pid}`, output: "ok" }] });
    try {
      expect(dirname(written.path)).toBe(defaultVertexJsonlDir());
    } finally {
      rmSync(written.path, { force: true });
    }
  });
});
