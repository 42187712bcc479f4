// The engine's most verbose logging (-v=9, --logflow, --debug) of a full lifecycle (create, update in
// place, refresh, destroy), both to stderr (--logtostderr) and to the engine's log files, never holds the
// API key: with the key in secret stack config, and with the key in the environment (GEMINI_API_KEY),
// where the gRPC debug log (PULUMI_DEBUG_GRPC) is free of it as well. Strict auth proves the key was sent.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { createTestStack, type StepTrace, type TestStack } from "../harness";

jest.setTimeout(300_000);

/** The Automation API's options for the engine's own logging, at their most verbose. */
const VERBOSE = { logVerbosity: 9, logFlow: true, debug: true } as const;

function filesUnder(root: string): string[] {
  return fs.readdirSync(root, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe("verbose engine logs", () => {
  const apiKey = `AIzaVerbose${randomBytes(16).toString("hex")}`;
  let emulator: EmulatorHandle;
  const program = (displayName: string) => async () => {
    new gemini.TunedModel("logged", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      displayName,
      hyperparameters: { epochCount: 1, batchSize: 5 },
      trainingData: NUMBER_EXAMPLES,
    });
    return {};
  };

  beforeAll(async () => {
    emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: [apiKey] });
  });
  afterAll(async () => emulator?.close());

  /** Runs the lifecycle with verbose logging: `up` and `refresh` to stderr, the update and `destroy` to log files. */
  async function lifecycle(stack: TestStack): Promise<StepTrace[]> {
    const steps: StepTrace[] = [];
    steps.push(await stack.up({ ...VERBOSE, logToStdErr: true }));
    stack.setProgram(program("renamed"));
    steps.push(await stack.up(VERBOSE));
    steps.push(await stack.refresh({ ...VERBOSE, logToStdErr: true }));
    steps.push(await stack.destroy(VERBOSE));
    return steps;
  }

  /** Where the key shows: engine output, stderr, and every file the engine logged to. */
  function leaks(steps: StepTrace[], logDir: string): string[] {
    const exhibits = [
      ...steps.map((step, i) => ({ where: `output and stderr of step ${i + 1} (${step.command})`, text: [...step.outputLines, ...step.errorLines].join("\n") })),
      ...filesUnder(logDir).map((file) => ({ where: `log file ${path.basename(file)}`, text: fs.readFileSync(file, "latin1") })),
    ];
    const forms = [apiKey, Buffer.from(apiKey).toString("base64")];
    return exhibits.filter((e) => forms.some((form) => e.text.includes(form))).map((e) => e.where);
  }

  it.each([
    ["secret stack config gemini:apiKey", "config"],
    ["the environment variable GEMINI_API_KEY, with the gRPC debug log on", "environment"],
  ] as const)("are free of a key from %s", async (_where, source) => {
    // The engine writes its log files to the temp folder; give it one of its own to search.
    const logDir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? "/tmp"), "pgt-engine-logs-"));
    const envVars: Record<string, string> = { TMPDIR: logDir };
    if (source === "environment") Object.assign(envVars, { GEMINI_API_KEY: apiKey, PULUMI_DEBUG_GRPC: path.join(logDir, "grpc.json") });
    const stack = await createTestStack({
      program: program("logged"),
      config: { "gemini:baseUrl": emulator.url },
      secrets: source === "config" ? { "gemini:apiKey": apiKey } : {},
      envVars,
    });
    try {
      emulator.control.clearRequests();
      const steps = await lifecycle(stack);
      expect(steps.map((s) => s.command)).toEqual(["up", "up", "refresh", "destroy"]);
      // The logging was really on and really this verbose: stderr and the log files hold level-9 lines.
      expect(steps[0].errorLines.filter((line) => line.includes('"v":9')).length).toBeGreaterThan(10);
      const files = filesUnder(logDir);
      expect(files.some((file) => /pulumi\..*\.log\./.test(path.basename(file)) && fs.readFileSync(file, "latin1").includes('"v":9'))).toBe(true);
      if (source === "environment") expect(fs.statSync(path.join(logDir, "grpc.json")).size).toBeGreaterThan(10_000);
      // The key was really used: strict auth accepted it for the create, the patch, the reads and the delete.
      const accepted = emulator.control.requests().filter((r) => r.status === 200 && r.authKind === "apiKey");
      expect(accepted.map((r) => r.method)).toEqual(expect.arrayContaining(["POST", "PATCH", "GET", "DELETE"]));
      expect(leaks(steps, logDir)).toEqual([]);
    } finally {
      await stack.dispose();
      fs.rmSync(logDir, { recursive: true, force: true });
    }
  });
});
