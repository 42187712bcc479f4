// The Vertex creation label: stable for one resource and spec, new for any training change.
import { creationKey } from "../../../../provider/vertex/tunedModel/creationKey";
import type { CheckedVertexInputs } from "../../../../provider/vertex/tunedModel/inputs";

const inputs: CheckedVertexInputs = {
  resourceName: "m",
  autonameSeed: "proj/dev/m",
  project: "p",
  location: "us-central1",
  baseModel: "gemini-2.5-flash",
  trainingDataset: { uri: "gs://b/train.jsonl", fingerprint: "md5:AA" },
  hyperparameters: { epochCount: 2 },
};

describe("creationKey", () => {
  test("is 32 lowercase hex digits, a valid label value, and the value 0.1.0 computed", () => {
    expect(creationKey(inputs)).toMatch(/^[0-9a-f]{32}$/);
    // Pinned: an interrupted 0.1.0 deploy must be found by its label after an upgrade.
    expect(creationKey(inputs)).toBe("c98a68c0a8222f4de4d3a0a4fdda77f8");
  });

  test("does not change with what is patched in place or with key order", () => {
    const reordered = { ...inputs, hyperparameters: { epochCount: 2 } };
    expect(creationKey({ ...reordered, tunedModelDisplayName: "renamed", description: "d", labels: { a: "b" }, timeouts: { create: "3h" } })).toBe(creationKey(inputs));
  });

  test.each([
    [{ autonameSeed: "proj/prod/m" }],
    [{ project: "q" }],
    [{ location: "europe-west4" }],
    [{ baseModel: "gemini-2.0-flash" }],
    [{ trainingDataset: { uri: "gs://b/train.jsonl", fingerprint: "md5:BB" } }],
    [{ validationDataset: { uri: "gs://b/val.jsonl", fingerprint: "md5:CC" } }],
    [{ hyperparameters: { epochCount: 3 } }],
    [{ exportLastCheckpointOnly: true }],
    [{ serviceAccount: "trainer@p.iam.gserviceaccount.com" }],
  ])("changes with %j", (change) => {
    expect(creationKey({ ...inputs, ...change } as CheckedVertexInputs)).not.toBe(creationKey(inputs));
  });
});
