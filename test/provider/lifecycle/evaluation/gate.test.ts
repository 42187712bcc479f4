// The gate in the training lifecycle, against the fake backend: a passing candidate records its report, a
// failing one is discarded (or kept on request) and create fails naming metric, score, threshold and
// examples; settings are checked with property paths; diff sees a changed gate.
import { evaluationChanged } from "../../../../provider/lifecycle/evaluation/gate";
import { MAX_EXAMPLE_CHARS } from "../../../../provider/lifecycle/evaluation/report";
import { checkedEvaluation, evaluationSchema, type CheckedEvaluation } from "../../../../provider/lifecycle/evaluation/settings";
import { createTrainingJob } from "../../../../provider/lifecycle/trainingJob";
import { fakeBackend } from "../fakeBackend";

jest.spyOn(console, "log").mockImplementation(() => undefined);

const examples = [
  { textInput: "1", output: "2" },
  { textInput: "3", output: "4" },
  { textInput: "5", output: "6" },
  { textInput: "7", output: "8" },
];

function gate(thresholds: CheckedEvaluation["thresholds"], extra: Partial<CheckedEvaluation> = {}): CheckedEvaluation {
  return checkedEvaluation(evaluationSchema.parse({ dataset: { kind: "inline", examples }, thresholds, ...extra })) as CheckedEvaluation;
}

const nextNumber = (prompt: string) => String(Number(prompt) + 1);

describe("the evaluation gate of a create", () => {
  test("a passing candidate's outputs carry the report", async () => {
    const fake = fakeBackend({ job: { state: "succeeded", pollsLeft: 0, endsAs: "succeeded" }, onFailedCreate: "keep", reply: nextNumber });
    const { outs } = await createTrainingJob(fake.backend, { evaluation: gate({ exactMatch: 1 }) });
    expect(outs.evaluation).toMatchObject({ passed: true, exampleCount: 4, scores: { exactMatch: 1, contains: 1 }, failingExamples: [] });
    expect(fake.calls.filter((c) => c === "generate")).toHaveLength(4);
  });

  test("a failing candidate is discarded and create fails with metric, score, threshold and the worst examples", async () => {
    const reply = (prompt: string) => (prompt === "1" ? "2" : "no idea");
    const fake = fakeBackend({ job: { state: "succeeded", pollsLeft: 0, endsAs: "succeeded" }, onFailedCreate: "keep", reply });
    const error = await createTrainingJob(fake.backend, { evaluation: gate({ exactMatch: 0.9 }) }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/jobs\/1 failed its evaluation gate: exactMatch 0\.25 < threshold 0\.90 over 4 examples/);
    expect((error as Error).message).toContain('prompt "3": expected "4", replied "no idea" (fails exactMatch)');
    expect((error as Error).message).toContain("The candidate jobs/1 was deleted");
    expect(fake.calls).toContain("discardCandidate");
  });

  test("keepFailedCandidate leaves the candidate and names it", async () => {
    const fake = fakeBackend({ job: { state: "succeeded", pollsLeft: 0, endsAs: "succeeded" }, onFailedCreate: "keep", reply: () => "x" });
    const error = await createTrainingJob(fake.backend, { evaluation: gate({ contains: 0.5 }, { keepFailedCandidate: true }) }).catch((e: Error) => e);
    expect((error as Error).message).toContain("The candidate jobs/1 was kept (keepFailedCandidate)");
    expect(fake.calls).not.toContain("discardCandidate");
    expect(fake.jobs.size).toBe(1);
  });

  test("failing examples are truncated so state stays small", async () => {
    const long = "y".repeat(1000);
    const fake = fakeBackend({ job: { state: "succeeded", pollsLeft: 0, endsAs: "succeeded" }, onFailedCreate: "keep", reply: () => long });
    const error = await createTrainingJob(fake.backend, { evaluation: gate({ exactMatch: 0, jsonValid: 1 }) }).catch((e: Error) => e);
    expect((error as Error).message).toContain(`replied "${"y".repeat(MAX_EXAMPLE_CHARS - 1)}…"`);
  });
});

describe("evaluation settings", () => {
  const issues = (value: unknown) => {
    const parsed = evaluationSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };
  const dataset = { kind: "inline", examples };

  test("at least one known metric, each a fraction", () => {
    expect(issues({ dataset, thresholds: {} })).toEqual(["thresholds: set at least one threshold: exactMatch, normalizedMatch, contains, jsonValid"]);
    expect(issues({ dataset, thresholds: { exactMatch: 1.2 } })).toEqual(["thresholds.exactMatch: must be between 0 and 1"]);
    expect(issues({ dataset, thresholds: { bleu: 0.5 } })[0]).toMatch(/^thresholds: unknown metric; the metrics are exactMatch/);
  });

  test("an empty dataset and a bad concurrency are refused", () => {
    expect(issues({ dataset: { kind: "inline", examples: [] }, thresholds: { contains: 1 } })).toEqual(["dataset.examples: the evaluation dataset has no examples"]);
    expect(issues({ dataset, thresholds: { contains: 1 }, concurrency: 0 })).toEqual(["concurrency: must be at least 1"]);
  });

  test("diff: a changed threshold or dataset is a change, the same gate written differently is not", () => {
    const recorded = { datasetFingerprint: gate({ exactMatch: 0.9 }).dataset.fingerprint, thresholds: { exactMatch: 0.9 } };
    expect(evaluationChanged(gate({ exactMatch: 0.9 }, { generation: { temperature: 0 }, concurrency: 8 }), recorded)).toBe(false);
    expect(evaluationChanged(gate({ exactMatch: 0.8 }), recorded)).toBe(true);
    expect(evaluationChanged(undefined, recorded)).toBe(true);
    expect(evaluationChanged(undefined, undefined)).toBe(false);
  });
});
