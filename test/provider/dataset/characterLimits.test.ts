// The per-example limits count characters as the API does (code points): a text of emoji, two UTF-16
// units each, is valid up to the limit in characters, in every dataset format and inline.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatasetError, EXAMPLE_LIMITS, exampleViolation, scanDatasetFile } from "../../../provider/dataset";

const DEFAULT = { input: "textInput", output: "output" };
const emoji = (n: number) => "\u{1F642}".repeat(n);
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "dataset-chars-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("character limits", () => {
  it("inline: the limits in characters pass, one more fails with the count in characters", () => {
    expect(exampleViolation({ textInput: emoji(EXAMPLE_LIMITS.maxInputChars), output: emoji(EXAMPLE_LIMITS.maxOutputChars) })).toBeUndefined();
    expect(exampleViolation({ textInput: "a", output: emoji(5001) })).toBe("the output has 5001 characters; the limit is 5000");
    expect(exampleViolation({ textInput: emoji(40_001), output: "b" })).toBe("the input has 40001 characters; the limit is 40000");
  });

  it.each([
    ["jsonl", (output: string) => `${JSON.stringify({ textInput: "1", output })}\n`],
    ["csv", (output: string) => `textInput,output\n1,${output}\n`],
    ["json", (output: string) => JSON.stringify([{ textInput: "1", output }])],
  ] as const)("%s: 5000 emoji pass, 5001 fail", async (format, render) => {
    const ok = await scanDatasetFile({ path: file(`ok.${format}`, render(emoji(5000))), format, mapping: DEFAULT });
    expect(ok.exampleCount).toBe(1);
    const error = await scanDatasetFile({ path: file(`long.${format}`, render(emoji(5001))), format, mapping: DEFAULT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).problem.message).toMatch(/the output has 5001 characters/);
  });
});
