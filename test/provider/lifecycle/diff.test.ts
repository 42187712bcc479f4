// The diff field table and its comparators, on plain values (no backend).
import { compare, diffFields, replacementReason, settingsChanged, type FieldRule } from "../../../provider/lifecycle/diff";
import { UNKNOWN } from "../../../provider/runtime/unknowns";

const table: FieldRule[] = [
  { field: "base", effect: "replace", changed: compare.exact },
  { field: "spec", effect: "replace", compareUnset: true, changed: compare.numberRecord("spec", (v) => (v ?? {}) as Record<string, number>, true) },
  { field: "title", effect: "update", changed: compare.proto3String },
  { field: "temperature", effect: "update", changed: compare.float32 },
  { field: "readers", effect: "update", changed: compare.stringSet },
  { field: "labels", effect: "update", changed: compare.record },
  { field: "data", effect: "replace", recordedAs: "dataFingerprint", changed: (desired, recorded) => (desired as { fp: string }).fp !== recorded },
];

describe("diffFields", () => {
  test("equal values written the way the service writes them back are no change", () => {
    const recorded = { base: "b", spec: { a: 1 }, title: undefined, temperature: 0.699999988079071, readers: [2, 1], labels: { y: "2", x: "1" }, dataFingerprint: "f" };
    const desired = { base: "b", spec: { a: 1 }, title: "", temperature: 0.7, readers: ["1", "2"], labels: { x: "1", y: "2" }, data: { fp: "f" } };
    expect(diffFields(recorded, desired, table)).toEqual({ replaces: [], updates: [] });
  });

  test("names the changed sub-paths of a replacing record, and reads a field recorded under another key", () => {
    expect(diffFields({ spec: { a: 1, b: 2 }, dataFingerprint: "f" }, { spec: { a: 2 }, data: { fp: "g" } }, table)).toEqual({
      replaces: ["spec.a", "spec.b", "data"],
      updates: [],
    });
  });

  test("a field left unset is not managed unless its rule compares unset values", () => {
    expect(diffFields({ base: "b", title: "edited elsewhere", spec: { a: 1 } }, {}, table)).toEqual({ replaces: ["spec.a"], updates: [] });
  });

  test("a value unknown at preview counts as changed", () => {
    expect(diffFields({ base: "b", title: "t" }, { base: UNKNOWN, title: UNKNOWN }, table)).toEqual({ replaces: ["base"], updates: ["title"] });
  });

  test("settings compare as JSON", () => {
    expect(settingsChanged({ timeouts: { create: "1h" } }, { timeouts: { create: "1h" } }, ["timeouts", "baseUrl"])).toBe(false);
    expect(settingsChanged({ timeouts: { create: "1h" } }, { timeouts: { create: "2h" } }, ["timeouts"])).toBe(true);
  });
});

describe("replacementReason", () => {
  test("names every property that forces the replacement, and a failed training in words", () => {
    expect(replacementReason("capitals", ["hyperparameters.epochCount", "trainingData"])).toBe(
      "capitals: replaced by a newly trained model because hyperparameters.epochCount changed, trainingData changed",
    );
    expect(replacementReason("capitals", ["state"])).toBe("capitals: replaced by a newly trained model because its recorded training failed");
  });
});
