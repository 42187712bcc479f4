/**
 * The deploy script of a user project (see userProject.ts). It is transpiled into the project and run by
 * Node from there, so `@pulumi/pulumi/automation` and everything the program requires resolve in the
 * project's own node_modules, as for a user: the Automation API, the program's SDK and the engine's
 * dynamic-provider host all use the one `@pulumi/pulumi` installed there. One process runs one engine
 * command, with the project's `index.js` as its inline program (its exports are the stack outputs), and
 * writes what the command showed to a result file as JSON.
 *
 * Usage: `node deploy.js <request.json> <result.json>`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, PulumiCommand, type ConfigMap, type EngineEvent, type Stack } from "@pulumi/pulumi/automation";
import type { StepCommand } from "./stepTrace";

/** What the driver is asked to run. */
export interface DriverRequest {
  /** The engine command. */
  readonly command: StepCommand;
  /** Project and stack name. */
  readonly projectName: string;
  /** See {@link DriverRequest.projectName}. */
  readonly stackName: string;
  /** The folder holding `bin/pulumi` (PulumiCommand's root). */
  readonly engineRoot: string;
  /** Environment of the engine and the plugins it starts. */
  readonly envVars: Readonly<Record<string, string>>;
  /** Stack config to set before the command (plain or secret values). */
  readonly config: ConfigMap;
}

/** What the command showed; `error` is set if it failed. */
export interface DriverResult {
  /** Every engine event, in order. */
  readonly events: EngineEvent[];
  /** The engine's stdout. */
  readonly stdout: string;
  /** The engine's stderr. */
  readonly stderr: string;
  /** The Automation API's result (PreviewResult, UpResult, ...) when the command succeeded. */
  readonly result?: unknown;
  /** The failure, with its stack, when it did not. */
  readonly error?: string;
  /** Where the driver's `@pulumi/pulumi` and the program's SDK were loaded from. */
  readonly resolved: {
    /** `@pulumi/pulumi` as the driver (the Automation API) resolves it. */
    readonly pulumi: string;
    /** `pulumi-gemini-tuning` as the program resolves it. */
    readonly sdk: string;
    /** `@pulumi/pulumi` as that SDK resolves it: the same file means one instance. */
    readonly sdkPulumi: string;
    /** The engine's version, e.g. `v3.259.0`. */
    readonly engine: string;
  };
}

/** The callbacks and settings every command gets: they record what it shows. */
interface Recording {
  readonly color: "never";
  readonly onEvent: (event: EngineEvent) => void;
  readonly onOutput: (chunk: string) => void;
  readonly onError: (chunk: string) => void;
}

async function main(requestFile: string, resultFile: string): Promise<void> {
  const request = JSON.parse(fs.readFileSync(requestFile, "utf8")) as DriverRequest;
  const events: EngineEvent[] = [];
  const output = { stdout: "", stderr: "" };
  const record: Recording = {
    color: "never",
    onEvent: (event: EngineEvent) => events.push(event),
    onOutput: (chunk: string) => (output.stdout += chunk),
    onError: (chunk: string) => (output.stderr += chunk),
  };
  const sdk = require.resolve("pulumi-gemini-tuning");
  const resolved = {
    pulumi: require.resolve("@pulumi/pulumi"),
    sdk,
    sdkPulumi: require.resolve("@pulumi/pulumi", { paths: [path.dirname(sdk)] }),
    engine: "",
  };
  const write = (ending: { result?: unknown; error?: string }): void =>
    fs.writeFileSync(resultFile, JSON.stringify({ events, ...output, ...ending, resolved } satisfies DriverResult));
  try {
    const workDir = process.cwd();
    const pulumiCommand = await PulumiCommand.get({ root: request.engineRoot, skipVersionCheck: true });
    resolved.engine = `v${pulumiCommand.version?.format()}`;
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: request.stackName, projectName: request.projectName, program: async () => require(path.join(workDir, "index.js")) },
      { workDir, projectSettings: { name: request.projectName, runtime: "nodejs", main: workDir }, pulumiCommand, envVars: { ...request.envVars } },
    );
    await stack.setAllConfig(request.config);
    write({ result: await run(stack, request.command, record) });
  } catch (error) {
    write({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exitCode = 1;
  }
}

function run(stack: Stack, command: StepCommand, record: Recording): Promise<unknown> {
  switch (command) {
    case "preview":
      return stack.preview(record);
    case "up":
      return stack.up(record);
    case "refresh":
      return stack.refresh(record);
    case "destroy":
      return stack.destroy(record);
  }
}

if (require.main === module) {
  const [requestFile, resultFile] = process.argv.slice(2);
  void main(requestFile, resultFile);
}
