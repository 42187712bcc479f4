import { GoogleApiClient } from "../../../provider/client";
import { apiKeyAuthorizer } from "../../../provider/auth";
import { GeminiApi } from "../../../provider/gemini/api";
import { progressReporter, waitForTuningOperation } from "../../../provider/gemini/operationPoller";
import { startEmulator, type EmulatorHandle } from "../../../emulator";

// Real time, real HTTP: a 38-step job of about 5 s on the emulator, as the benchmark will run it.
describe("the waiter against the emulator", () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 130 });
  });
  afterAll(() => emulator.close());

  test("notices the end of a 5 s job within 1 s, with few polls, reporting progress", async () => {
    const api = new GeminiApi(new GoogleApiClient(emulator.url, { authorizer: apiKeyAuthorizer("test-key-123456") }));
    const examples = Array.from({ length: 15 }, (_, i) => ({ textInput: String(i), output: String(i + 1) }));
    const operation = await api.createTunedModel(
      {
        baseModel: "models/gemini-1.5-flash-001-tuning",
        tuningTask: { hyperparameters: { epochCount: 5, batchSize: 2 }, trainingData: { examples: { examples } } },
      },
      "waited-1",
    );
    const lines: string[] = [];
    let polls = 0;
    const done = await waitForTuningOperation({
      poll: (signal) => {
        polls++;
        return api.getOperation(operation.name, signal);
      },
      timeoutMs: 60_000,
      onProgress: progressReporter("tunedModels/waited-1", (line) => lines.push(line), { intervalMs: 1000 }),
    });
    const returnedAt = Date.now();
    const model = await api.getTunedModel("tunedModels/waited-1");
    const finishedAt = Date.parse(model!.tuningTask!.completeTime!);
    const latency = returnedAt - finishedAt;
    console.log(`emulator 5 s job (38 steps × 130 ms): ${polls} polls, latency ${latency} ms`);
    expect(done.done).toBe(true);
    expect(latency).toBeLessThanOrEqual(1000);
    expect(polls).toBeLessThanOrEqual(20);
    expect(lines[0]).toBe("tunedModels/waited-1: 0% (step 0/38)");
    expect(lines.at(-1)).toMatch(/^tunedModels\/waited-1: 100% \(step 38\/38, epoch 5, mean loss \d+\.\d{4}\), done$/);
  });
});
