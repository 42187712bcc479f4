// JSON datasets are streamed: the scanner must find the same examples JSON.parse of the whole document
// finds, wherever the read chunks happen to split the text, and refuse what JSON.parse refuses.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatasetError } from "../../../provider/dataset";
import { forEachJsonExample } from "../../../provider/dataset/jsonExamples";

let dir: string;
let count = 0;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "json-examples-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(text: string | Buffer): string {
  const path = join(dir, `d${count++}.json`);
  writeFileSync(path, text);
  return path;
}

async function records(path: string, chunkBytes?: number): Promise<unknown[]> {
  const found: unknown[] = [];
  await forEachJsonExample(
    path,
    (element) => {
      expect(element.index).toBe(found.length);
      found.push(element.record());
    },
    { chunkBytes },
  );
  return found;
}

async function problem(path: string, chunkBytes?: number): Promise<string> {
  const error = await records(path, chunkBytes).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).problem.message;
}

const TRICKY = [
  { textInput: 'a "quoted" word', output: "back\\slash" },
  { textInput: "ends in a backslash \\", output: "\\\\\\" },
  { textInput: "brackets ] } [ { and , : inside", output: "ünïcödé ✓ 😀" },
  { textInput: "nested", output: "x", extra: { deep: [[1, { examples: [] }], "]"] } },
  { textInput: "\u0000 control \n\t", output: 12.5 },
];

describe("forEachJsonExample", () => {
  const shapes: Array<[string, string]> = [
    ["a top-level array", JSON.stringify(TRICKY)],
    ["an examples key", JSON.stringify({ name: "x", examples: TRICKY, after: [1, 2] })],
    ["Google's nested request shape, pretty-printed", JSON.stringify({ examples: { other: { examples: 1 }, examples: TRICKY } }, null, 2)],
    ["a key that only looks like examples", JSON.stringify({ "examples2": [1], "ex\\amples": [2], examples: TRICKY })],
    ["an escaped key", `{"\\u0065xamples": ${JSON.stringify(TRICKY)}}`],
  ];

  test.each(shapes)("%s: the same records as JSON.parse, at every chunk size", async (_, text) => {
    const path = file(text);
    for (const chunkBytes of [1, 2, 3, 5, 7, 64, undefined]) expect(await records(path, chunkBytes)).toEqual(TRICKY);
  });

  test("a byte-order mark, whitespace around everything, and an empty array", async () => {
    expect(await records(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(' \n[ {"a" : 1} ,\t{"b":2} ]\n ')])))).toEqual([{ a: 1 }, { b: 2 }]);
    expect(await records(file("[]"))).toEqual([]);
    expect(await records(file('{"examples": [ ]}'))).toEqual([]);
  });

  test.each([
    ["a document that is not an array or object", "3", /expected an array of examples/],
    ["an object without examples", '{"rows": [1]}', /expected an array of examples/],
    ["examples that are not an array", '{"examples": "x"}', /expected an array of examples/],
    ["a nested object without examples", '{"examples": {"rows": []}}', /expected an array of examples/],
    ["a bad element", '[{"a": 1}, {"a": tru}]', /^not valid JSON \(examples\[1\]: /],
    ["an empty element", "[1,,2]", /examples\[1\] is empty/],
    ["a trailing comma", "[1,]", /examples\[1\] is empty/],
    ["a truncated document", '[{"a": "b"}', /ends early/],
    ["an unterminated string", '[{"a": "b}]', /ends early/],
    ["a closer that does not match", '[{"a": 1]]', /unexpected "\]"/],
    ["text after the document", "[1] [2]", /text after the end/],
  ])("%s is refused", async (_, text, message) => {
    const path = file(text);
    for (const chunkBytes of [1, 4, undefined]) expect(await problem(path, chunkBytes)).toMatch(message);
  });

  test("a large document is read element by element: many examples, each parsed alone", async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ textInput: `question ${i} "quoted" \\ ${"é".repeat(i % 7)}`, output: `${i}` }));
    expect(await records(file(JSON.stringify({ examples: many })))).toEqual(many);
  });
});
