import { startEmulator, type EmulatorHandle, type EmulatorOptions } from "../../../emulator";
import { configure } from "../../../provider";
import { NUMBER_EXAMPLES } from "../../fixtures/numbers";

/** The API key the fixture's stack configuration holds. */
export const TEST_API_KEY = "unit-test-key";

/** Inputs of a small valid model pointed at the given emulator. */
export function modelInputs(baseUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceName: "numbers",
    autonameSeed: `unit/${expect.getState().currentTestName ?? "test"}/numbers`,
    baseModel: "models/gemini-1.5-flash-001-tuning",
    displayName: "numbers",
    hyperparameters: { epochCount: 2, batchSize: 5 },
    trainingData: { kind: "inline", examples: NUMBER_EXAMPLES },
    baseUrl,
    ...overrides,
  };
}

/** Starts an emulator for a test file and resets stack configuration around each test. */
export function useEmulator(options: EmulatorOptions = {}): () => EmulatorHandle {
  let emulator: EmulatorHandle | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 10, ...options });
  });
  afterAll(async () => emulator?.close());
  beforeEach(async () => {
    emulator?.control.reset();
    // As in a stack: the key comes from `gemini:apiKey`, since outputs (all that read and delete see) never
    // hold credentials. Without one the client would look for Application Default Credentials.
    await configure({ config: { get: (key: string) => (key === "gemini:apiKey" ? TEST_API_KEY : undefined) } });
  });
  return () => {
    if (emulator === undefined) throw new Error("emulator not started");
    return emulator;
  };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  return outcome.error as Error & Record<string, unknown>;
}
