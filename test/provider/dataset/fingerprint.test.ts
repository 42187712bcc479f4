import { createHash } from "node:crypto";
import { datasetFingerprint } from "../../../provider/dataset";

/** The fingerprint's definition, written the plain way: what every version of the package must produce. */
function reference(examples: ReadonlyArray<{ textInput: string; output: string }>): string {
  const text = examples.map((e) => `${e.textInput.length}:${e.textInput}${e.output.length}:${e.output}\n`).join("");
  return `sha256:${createHash("sha256").update(text, "utf8").digest("hex")}`;
}

describe("dataset fingerprint", () => {
  test.each([
    ["ASCII", [{ textInput: "1", output: "2" }]],
    ["non-ASCII and emoji (surrogate pairs)", [{ textInput: "Zürich → 東京", output: "🚀 ok" }]],
    ["a lone surrogate (encoded as U+FFFD, like the plain way)", [{ textInput: "a\ud800b", output: "c" }]],
    ["a text larger than the hashing buffer", [{ textInput: "é".repeat(700_000), output: "x" }]],
    ["many examples crossing buffer boundaries", Array.from({ length: 20_000 }, (_, i) => ({ textInput: `question ${i} ü`, output: "a".repeat(i % 97) }))],
  ])("%s: equals the definition", (_what, examples) => {
    expect(datasetFingerprint(examples)).toBe(reference(examples));
  });

  test("is pinned: a known dataset keeps its known fingerprint", () => {
    expect(datasetFingerprint([{ textInput: "1", output: "2" }, { textInput: "Zürich", output: "8001" }])).toBe(
      "sha256:daa86baf0c22aaa8afd6f2a4500df9ec260ffaa47d6ca127a73b85af9910797c",
    );
  });
});
