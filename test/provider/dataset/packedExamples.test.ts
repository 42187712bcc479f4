import { packedDatasetSpec, packExamples, unpackExamples, withUnpackedExamples } from "../../../provider/dataset";
import { NUMBER_EXAMPLES } from "../../fixtures/numbers";

const tricky = [
  { textInput: 'quotes " and \\ backslashes', output: "line\nbreaks\tand tabs" },
  { textInput: "Grüße, 東京, 🙂", output: "" },
  { textInput: "[\"not\", \"a pair\"]", output: "{}" },
];

describe("packed inline examples", () => {
  it.each([
    ["the tutorial's examples", NUMBER_EXAMPLES],
    ["quotes, escapes, non-ASCII and empty text", tricky],
  ])("round-trip %s through one string", (_what, examples) => {
    const packed = packExamples(examples);
    expect(typeof packed).toBe("string");
    expect(unpackExamples(packed)).toEqual(examples);
  });

  it("is smaller than the objects it replaces", () => {
    expect(packExamples(NUMBER_EXAMPLES).length).toBeLessThan(JSON.stringify(NUMBER_EXAMPLES).length);
  });

  it("leaves 0.1.0's array of objects, and values that are not packed examples, as they are", () => {
    expect(unpackExamples(NUMBER_EXAMPLES)).toBe(NUMBER_EXAMPLES);
    for (const value of ["not json", '{"textInput":"a"}', '[["only one"]]', "[1]", 7, undefined]) expect(unpackExamples(value)).toBe(value);
  });

  it("packs only inline datasets, and unpacks inputs as the engine hands them back", () => {
    const file = { kind: "file" as const, path: "/d/x.jsonl", format: "jsonl" as const, mapping: { input: "a", output: "b" }, fingerprint: "sha256:f", exampleCount: 2 };
    expect(packedDatasetSpec(file)).toBe(file);
    const inline = { kind: "inline" as const, examples: NUMBER_EXAMPLES, fingerprint: "sha256:x", exampleCount: 15 };
    const packed = packedDatasetSpec(inline);
    expect(packed).toEqual({ ...inline, examples: packExamples(NUMBER_EXAMPLES) });
    expect(withUnpackedExamples({ displayName: "d", trainingData: packed })).toEqual({ displayName: "d", trainingData: inline });
    expect(withUnpackedExamples({ trainingData: inline })).toEqual({ trainingData: inline });
    const withFile = { trainingData: file };
    expect(withUnpackedExamples(withFile)).toBe(withFile);
  });
});
