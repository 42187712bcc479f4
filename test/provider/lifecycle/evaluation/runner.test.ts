// The evaluation runner: bounded concurrency, results in dataset order, progress lines, scores.
import { metricScores, runEvaluation } from "../../../../provider/lifecycle/evaluation/runner";

const examples = Array.from({ length: 20 }, (_, i) => ({ textInput: String(i), output: String(i + 1) }));

describe("runEvaluation", () => {
  test("never has more than `concurrency` calls in flight, and keeps the dataset's order", async () => {
    let inFlight = 0;
    let most = 0;
    const lines: string[] = [];
    const results = await runEvaluation(examples, {
      async generate(prompt) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, Number(prompt) % 3));
        inFlight--;
        return Number(prompt) % 4 === 0 ? "wrong" : String(Number(prompt) + 1);
      },
      concurrency: 3,
      signal: new AbortController().signal,
      progress: (line) => lines.push(line),
      headline: "exactMatch",
    });
    expect(most).toBe(3);
    expect(results.map((r) => r.prompt)).toEqual(examples.map((e) => e.textInput));
    expect(metricScores(results).exactMatch).toBe(0.75);
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe("evaluated 20/20, exactMatch 0.75 so far");
  });

  test("a call that fails ends the run with its error", async () => {
    const run = runEvaluation(examples, {
      generate: async (prompt) => {
        if (prompt === "5") throw new Error("tunedModels.generateContent failed: 503 UNAVAILABLE");
        return "x";
      },
      concurrency: 2,
      signal: new AbortController().signal,
      progress: () => undefined,
      headline: "contains",
    });
    await expect(run).rejects.toThrow("503 UNAVAILABLE");
  });
});
