/**
 * Runs one Python driver script (in `drivers/`) against a running emulator, in the environment that
 * `ensurePythonVenv()` builds, and returns what the driver reported.
 *
 * The driver's contract: it reads its connection from the environment (below) and its input from the JSON in
 * `DRIVER_INPUT`, talks to the emulator through Google's client, and prints one JSON value as its last stdout
 * line. Anything it prints before is ignored; a non-zero exit fails with the driver's stderr.
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
import * as path from "node:path";
import { credentialDir, serviceAccountKey } from "../../../provider/auth/credentialFiles";
import { ensurePythonVenv } from "./ensurePythonVenv";

/** Folder of the driver scripts. */
export const DRIVERS_DIR = path.join(__dirname, "drivers");

/** What a driver runs against and with. */
export interface DriverOptions {
  /** The emulator's base URL. */
  emulatorUrl: string;
  /** JSON-serialisable input, passed as `DRIVER_INPUT`. */
  input?: unknown;
  /** API key passed as `EMULATOR_API_KEY` (default `python-client-test-key`). */
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

/** Variables of the test process that a Python process needs to start and find its files. */
const PASS_THROUGH = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SYSTEMROOT", "TEMP", "TMP"];

/**
 * Runs `drivers/<script>` and returns the JSON of its last stdout line. Throws with the driver's stderr when
 * it exits non-zero, and with its stdout when the last line is not JSON.
 */
export async function runPythonDriver<T = unknown>(script: string, options: DriverOptions): Promise<T> {
  const python = await ensurePythonVenv();
  const creds = credentialDir();
  try {
    const keyFile = creds.write("service-account.json", serviceAccountKey(`${options.emulatorUrl}/emulator/oauth2/token`));
    const env: Record<string, string> = {};
    for (const name of PASS_THROUGH) if (process.env[name] !== undefined) env[name] = process.env[name]!;
    Object.assign(env, {
      EMULATOR_URL: options.emulatorUrl,
      EMULATOR_API_KEY: options.apiKey ?? "python-client-test-key",
      GOOGLE_APPLICATION_CREDENTIALS: keyFile,
      GOOGLE_CLOUD_PROJECT: options.project ?? "test-project",
      GOOGLE_CLOUD_LOCATION: options.location ?? "us-central1",
      DRIVER_INPUT: JSON.stringify(options.input ?? {}),
      PYTHONDONTWRITEBYTECODE: "1",
      PYTHONUNBUFFERED: "1",
      ...options.env,
    });
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | string | null }>(
      (resolve) => {
        execFile(
          python,
          [path.join(DRIVERS_DIR, script)],
          { env, timeout: options.timeoutMs ?? 90_000, maxBuffer: 16 * 1024 * 1024 },
          (error, out, err) => resolve({ stdout: out, stderr: err, code: error ? ((error as { code?: number | string }).code ?? error.message) : 0 }),
        );
      },
    );
    if (code !== 0) {
      throw new Error(`Python driver ${script} failed (exit ${code}).\nstderr:\n${stderr.trim()}\nstdout:\n${stdout.trim()}`);
    }
    const last = stdout.trim().split("\n").pop() ?? "";
    try {
      return JSON.parse(last) as T;
    } catch {
      throw new Error(`Python driver ${script} did not print JSON as its last line.\nstdout:\n${stdout.trim()}\nstderr:\n${stderr.trim()}`);
    }
  } finally {
    creds.dispose();
  }
}
