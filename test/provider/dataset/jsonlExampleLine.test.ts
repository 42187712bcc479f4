/**
 * The JSONL fast path reads examples from bytes; it must agree with the general path (JSON.parse and
 * exampleFromRecord) on every line it accepts, and leave every other line to it.
 */
import { DEFAULT_MAPPING, vertexExampleLine, type DatasetFieldMapping } from "../../../provider/dataset";
import { exampleFromRecord } from "../../../provider/dataset/exampleFromRecord";
import type { ExampleText, Utf8Sink } from "../../../provider/dataset/exampleText";
import { jsonlExampleLine, jsonlKeys } from "../../../provider/dataset/jsonlExampleLine";

/** Collects what a text writes, as bytes. */
function bytesOf(write: (sink: Utf8Sink) => void): Buffer {
  const parts: Buffer[] = [];
  write({ writeText: (text) => parts.push(Buffer.from(text, "utf8")), writeBytes: (bytes, start, end) => parts.push(Buffer.from(bytes.subarray(start, end))) });
  return Buffer.concat(parts);
}

/** What the general path makes of a line: the example, or undefined when it is an error. */
function general(line: Buffer, mapping: DatasetFieldMapping): { textInput: string; output: string } | undefined {
  let text = line.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = exampleFromRecord(record, mapping);
  return "error" in result ? undefined : result.example;
}

function expectSameText(fast: ExampleText, expected: string): void {
  expect(fast.toString()).toBe(expected);
  expect(fast.length).toBe(expected.length);
  expect(bytesOf((sink) => fast.writeUtf8(sink))).toEqual(Buffer.from(expected, "utf8"));
}

/** Checks one line both ways; returns whether the fast path took it. */
function check(line: Buffer, mapping: DatasetFieldMapping = DEFAULT_MAPPING): boolean {
  // Embedded in a larger buffer at an odd offset, as lines are in the reader's chunk.
  const buffer = Buffer.concat([Buffer.from("xyz\n"), line, Buffer.from("\nnext")]);
  const keys = jsonlKeys(mapping);
  const fast = keys === undefined ? undefined : jsonlExampleLine(buffer, 4, 4 + line.length, keys);
  const expected = general(line, mapping);
  if (fast === undefined) return false;
  expect(expected).toBeDefined();
  expectSameText(fast.textInput, expected!.textInput);
  expectSameText(fast.output, expected!.output);
  const vertexLine = bytesOf((sink) => {
    sink.writeText('{"contents":[{"role":"user","parts":[{"text":');
    fast.textInput.writeJsonString(sink);
    sink.writeText('}]},{"role":"model","parts":[{"text":');
    fast.output.writeJsonString(sink);
    sink.writeText("}]}]}\n");
  });
  expect(vertexLine.toString("utf8")).toBe(vertexExampleLine(expected!));
  return true;
}

const line = (text: string) => Buffer.from(text, "utf8");

/** A seeded PRNG (mulberry32), so the random lines are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("jsonlExampleLine", () => {
  it.each([
    ['{"textInput":"1","output":"2"}', true],
    ['  {"textInput" : "a b" ,\t"output":"c"}  \r ', true],
    ['{"text_input":"alias","output":"x"}', true],
    ['{"text_input":"alias","textInput":"preferred","output":"x"}', true],
    ['{"textInput":"first","textInput":"last wins","output":"x"}', true],
    ['{"textInput":"Zürich → 東京 🚀","output":"é"}', true],
    ['{"textInput":"separators \u2028 and \u2029","output":"ok"}', true],
    ['{"textInput":"escaped \\n \\" \\\\ \\u00e9 \\ud83d\\ude80","output":"q\\"uote"}', true],
    ['{"textInput":"","output":""}', true],
    ['{"note":"other keys","textInput":"1","output":"2","more":"x"}', true],
    ['{"textInput":1,"output":"2"}', false],
    ['{"textInput":"1","output":"2","n":null}', false],
    ['{"textInput":"1","output":"2","o":{"a":"b"}}', false],
    ['{"textInput":"1"}', false],
    ["{}", false],
    ["[]", false],
    ['{"textInput":"1","output":"2"', false],
    ['{"textInput":"1","output":"2"} x', false],
    ['{"textInput":"1",,"output":"2"}', false],
    ['{"textInput":"1","output":"2",}', false],
    ['{"text\\u0049nput":"1","output":"2"}', false],
    ['{"textInput":"bad \\x escape","output":"2"}', false],
    ['{"textInput":"raw\ttab","output":"2"}', false],
    ['\ufeff{"textInput":"bom","output":"2"}', false],
    ['{"textInput":"unterminated,"output":"2"}', false],
    ["", false],
    ["   ", false],
  ])("%s", (text, fast) => {
    expect(check(line(text))).toBe(fast);
  });

  it("leaves invalid UTF-8 to the general path (which decodes it as U+FFFD)", () => {
    expect(check(Buffer.concat([line('{"textInput":"a'), Buffer.from([0xc3]), line('","output":"b"}')]))).toBe(false);
    expect(check(Buffer.concat([line('{"textInput":"a'), Buffer.from([0xed, 0xa0, 0x80]), line('","output":"b"}')]))).toBe(false);
  });

  it("honours custom mappings, one key for both, and leaves Object.prototype names to the general path", () => {
    expect(check(line('{"q":"1","a":"2"}'), { input: "q", output: "a" })).toBe(true);
    expect(check(line('{"text":"same"}'), { input: "text", output: "text" })).toBe(true);
    expect(check(line('{"textInput":"1","output":"2"}'), { input: "textInput", output: "text_input" })).toBe(false);
    expect(jsonlKeys({ input: "constructor", output: "output" })).toBeUndefined();
    expect(jsonlKeys({ input: "q", output: "toString" })).toBeUndefined();
  });

  it("agrees with the general path on random lines", () => {
    const random = seededRandom(15);
    const pieces = ['"textInput"', '"output"', '"text_input"', '"x"', ":", ",", " ", "\t", "\r", "{", "}", '"', "\\", "\\n", "\\u00e9", "\\ud800", "a", "é", "🚀", "\u2028", "1", "null", "\u0001", "\u00a0"];
    let taken = 0;
    for (let i = 0; i < 4_000; i++) {
      const parts = ['{"textInput":"', "a", '","output":"', "b", '"}'];
      // Mutate a well-formed line a few times, so that most lines are near the accepted shape.
      for (let m = Math.floor(random() * 4); m > 0; m--) {
        const at = Math.floor(random() * (parts.length + 1));
        const piece = pieces[Math.floor(random() * pieces.length)];
        if (random() < 0.3 && parts.length > 0) parts.splice(Math.min(at, parts.length - 1), 1);
        else parts.splice(at, 0, piece);
      }
      const bytes = line(parts.join(""));
      if (random() < 0.05) bytes[Math.floor(random() * bytes.length)] = 0x80 + Math.floor(random() * 0x80);
      if (check(bytes)) taken++;
    }
    expect(taken).toBeGreaterThan(400);
  });

  it("counts UTF-16 units across word boundaries at every alignment", () => {
    for (let pad = 0; pad < 8; pad++) {
      const text = `${"a".repeat(pad)}é東🚀\u2028${"b".repeat(13)}ü`;
      expect(check(line(`{"textInput":"${text}","output":"${text}${text}"}`))).toBe(true);
    }
  });
});
