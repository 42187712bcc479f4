// The generic long-running Operation both backends share: its schema leaves metadata to the backend,
// and the classifier used where only the outcome matters (Vertex teardown).
import { classifyOperation, listOperationsResponseSchema, OperationSchema } from "../../../provider/google/operation";
import { collectPages } from "../../../provider/google/pagination";
import { TuningOperationSchema } from "../../../provider/gemini/wire";

describe("google.longrunning.Operation", () => {
  test("the generic schema keeps any metadata as it came; Gemini's narrows it to its tuning metadata", () => {
    const wire = { name: "op", metadata: { "@type": "x", totalSteps: "38" } };
    expect(OperationSchema.parse(wire).metadata).toEqual({ "@type": "x", totalSteps: "38" });
    expect(TuningOperationSchema.parse(wire).metadata?.totalSteps).toBe(38);
    expect(listOperationsResponseSchema(TuningOperationSchema).parse({ operations: [wire] }).operations?.[0]?.metadata?.totalSteps).toBe(38);
  });

  test("classifies pending, succeeded and failed operations", () => {
    expect(classifyOperation({ name: "op" })).toEqual({ state: "pending" });
    expect(classifyOperation({ name: "op", done: true, response: {} })).toEqual({ state: "succeeded" });
    expect(classifyOperation({ name: "op", done: true, error: { code: 9, message: "endpoint still has deployed models" } })).toEqual({
      state: "failed",
      reason: "FAILED_PRECONDITION: endpoint still has deployed models",
    });
  });
});

describe("collectPages", () => {
  test("follows nextPageToken to the last page", async () => {
    const pages: Record<string, { items: number[]; nextPageToken?: string }> = { "": { items: [1, 2], nextPageToken: "b" }, b: { items: [3], nextPageToken: "" } };
    await expect(collectPages(async (token) => ({ nextPageToken: undefined, ...pages[token ?? ""] }), "numbers")).resolves.toEqual([1, 2, 3]);
  });

  test("a token that comes back twice ends the walk with an error instead of looping", async () => {
    await expect(collectPages(async () => ({ items: [1], nextPageToken: "same" }), "numbers")).rejects.toThrow('listing numbers did not advance: page token "same" repeated');
  });
});
