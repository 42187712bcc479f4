import { startEmulator, type EmulatorHandle } from "../../../emulator";
import type { ControlVertexJob } from "../../../emulator/vertex/control";
import { vertexProjectNumber } from "../../../emulator/vertex/projects";
import { configure, vertexTunedModel } from "../../../provider";
import { credentialDir, serviceAccountKey } from "../auth/credentialFiles";

/** Region the Vertex unit tests use. */
export const VERTEX_LOCATION = "us-central1";

/** What a test sees of the emulator: the handle, its own project, and the jobs in that project. */
export interface VertexTestEnv {
  /** The emulator. */
  emulator: EmulatorHandle;
  /** A project of this test's own (`gcp:project`), so tests never see each other's jobs. */
  project: string;
  /** This test's jobs, newest first, as the control API reports them. */
  jobs(): ControlVertexJob[];
}

/** Inputs of a small valid Vertex model; `project` and `location` come from stack config. */
export function vertexInputs(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    resourceName: "numbers",
    autonameSeed: `unit/${expect.getState().currentTestName ?? "test"}/numbers`,
    baseModel: "gemini-2.5-flash",
    tunedModelDisplayName: "numbers",
    trainingDataset: { uri: "gs://tuning-data/numbers.jsonl", fingerprint: "md5:AAAA" },
    hyperparameters: { epochCount: 2 },
    ...overrides,
  };
}

/**
 * Starts a strict-auth emulator for a test file and points Application Default Credentials at a fresh
 * service-account key whose token endpoint is the emulator's, as a CI job with a key file would; stack
 * configuration holds `gcp:project`, `gcp:region` and `gemini:vertexBaseUrl`. The emulator is not reset
 * between tests (that would revoke the token the provider's client has cached); each test gets its own
 * project instead.
 */
export function useVertexEmulator(): () => VertexTestEnv {
  let emulator: EmulatorHandle | undefined;
  let project = "";
  let tests = 0;
  const files = credentialDir();
  const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: ["unused-key-000000"] });
    process.env.GOOGLE_APPLICATION_CREDENTIALS = files.write("sa.json", serviceAccountKey(`${emulator.url}/emulator/oauth2/token`));
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
    files.dispose();
    await emulator?.close();
  });
  beforeEach(async () => {
    project = `tuning-test-${++tests}`;
    emulator?.control.clearRequests();
    emulator?.control.clearFaults();
    emulator?.control.resumeTraining();
    const config: Record<string, string> = { "gcp:project": project, "gcp:region": VERTEX_LOCATION, "gemini:vertexBaseUrl": emulator?.url ?? "" };
    await configure({ config: { get: (key: string) => config[key] } });
  });
  return () => {
    const handle = emulator;
    if (handle === undefined) throw new Error("emulator not started");
    // Vertex AI names what it returns with the project number, whatever the request used.
    const prefix = `projects/${vertexProjectNumber(project)}/`;
    return { emulator: handle, project, jobs: () => handle.control.vertexJobs().filter((j) => String(j.job.name).startsWith(prefix)) };
  };
}

/**
 * The inputs `check` makes of {@link vertexInputs} with `overrides`, asserting that it found no problem:
 * what the engine would hand to create.
 */
export async function checkedVertexInputs(overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await vertexTunedModel.check({}, vertexInputs(overrides));
  expect(result.failures).toEqual([]);
  return result.inputs;
}
