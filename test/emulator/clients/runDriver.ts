/**
 * Runs one client driver (a script that talks to a running emulator through one of Google's clients) in its
 * own process, and returns what it reported. The Python drivers run in the project's virtual environment
 * (`python/runPythonDriver.ts`); the Node drivers run outside jest's sandbox, whose module loader cannot serve
 * the dynamic imports Google's Node transports make (`runNodeDriver.ts`).
 *
 * The driver's contract: it reads its connection from the environment (below) and its input from the JSON in
 * `DRIVER_INPUT`, and prints one JSON value as its last stdout line. Anything it prints before is ignored; a
 * non-zero exit fails with the driver's stderr.
 *
 * | variable | value |
 * |---|---|
 * | `EMULATOR_URL` | the emulator's base URL (`http://127.0.0.1:port`) |
 * | `EMULATOR_API_KEY` | an API key for the Gemini API routes |
 * | `GOOGLE_APPLICATION_CREDENTIALS` | a service-account key file whose `token_uri` is the emulator's token endpoint |
 * | `GOOGLE_CLOUD_PROJECT`, `GOOGLE_CLOUD_LOCATION` | the Vertex AI project and location |
 * | `DRIVER_INPUT` | the JSON of `input` |
 *
 * The driver's environment is built from these alone (plus PATH, HOME and the locale), so a developer's own
 * Google credentials or project settings can never reach a test.
 */
import { execFile } from "node:child_process";
import { credentialDir, serviceAccountKey } from "../../provider/auth/credentialFiles";

/** What a driver runs against and with. */
export interface DriverOptions {
  /** The emulator's base URL. */
  emulatorUrl: string;
  /** JSON-serialisable input, passed as `DRIVER_INPUT`. */
  input?: unknown;
  /** API key passed as `EMULATOR_API_KEY` (default `client-test-key`). */
  apiKey?: string;
  /** Vertex AI project id (default `test-project`). */
  project?: string;
  /** Vertex AI location (default `us-central1`). */
  location?: string;
  /** Further environment variables for the driver. */
  env?: Record<string, string>;
  /** Kill the driver after this long (default 90 s). */
  timeoutMs?: number;
}

/** Variables of the test process that a child process needs to start and find its files. */
const PASS_THROUGH = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT", "TEMP", "TMP"];

/**
 * Runs `command args...` as a driver and returns the JSON of its last stdout line. Throws with the driver's
 * stderr when it exits non-zero, and with its stdout when the last line is not JSON. `label` names the driver
 * in those messages.
 */
export async function runDriver<T>(label: string, command: string, args: string[], options: DriverOptions): Promise<T> {
  const creds = credentialDir();
  try {
    const keyFile = creds.write("service-account.json", serviceAccountKey(`${options.emulatorUrl}/emulator/oauth2/token`));
    const env: Record<string, string> = {};
    for (const name of PASS_THROUGH) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    Object.assign(env, {
      EMULATOR_URL: options.emulatorUrl,
      EMULATOR_API_KEY: options.apiKey ?? "client-test-key",
      GOOGLE_APPLICATION_CREDENTIALS: keyFile,
      GOOGLE_CLOUD_PROJECT: options.project ?? "test-project",
      GOOGLE_CLOUD_LOCATION: options.location ?? "us-central1",
      DRIVER_INPUT: JSON.stringify(options.input ?? {}),
      ...options.env,
    });
    const { stdout, stderr, failure } = await new Promise<{ stdout: string; stderr: string; failure?: string }>((resolve) => {
      execFile(command, args, { env, timeout: options.timeoutMs ?? 90_000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
        resolve({ stdout: out, stderr: err, ...(error ? { failure: `exit ${error.code ?? ""} ${error.signal ?? ""}`.trim() } : {}) }),
      );
    });
    if (failure !== undefined) {
      throw new Error(`Driver ${label} failed (${failure}).\nstderr:\n${stderr.trim()}\nstdout:\n${stdout.trim()}`);
    }
    const last = stdout.trim().split("\n").pop() ?? "";
    try {
      return JSON.parse(last) as T;
    } catch {
      throw new Error(`Driver ${label} did not print JSON as its last line.\nstdout:\n${stdout.trim()}\nstderr:\n${stderr.trim()}`);
    }
  } finally {
    creds.dispose();
  }
}
