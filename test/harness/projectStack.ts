import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import type { ConfigMap, DestroyResult, OpMap, PreviewResult, RefreshResult, UpResult } from "@pulumi/pulumi/automation";
import { engineEnvironment } from "./engineEnvironment";
import { engineVersion, locateEngine } from "./engineLocation";
import { exportEncryptedState } from "./exportEncryptedState";
import type { DriverRequest, DriverResult } from "./projectDriver";
import { assertUpRanProgram, previewWithProgram } from "./programReached";
import type { StepCommand, StepResult, StepTrace } from "./stepTrace";
import type { StateResource } from "./testStack";
import { traceStep } from "./traceStep";
import type { UserProject } from "./userProject";

const execFileAsync = promisify(execFile);

/** How to address and configure a stack of a {@link UserProject}. */
export interface ProjectStackOptions {
  /** Project name (config keys without a namespace belong to it). Default `pgt-user-project`. */
  readonly projectName?: string;
  /** Stack name. Default `test`. */
  readonly stackName?: string;
  /** Plain stack config, set before the first command. */
  readonly config?: Readonly<Record<string, string>>;
  /** Secret stack config (encrypted with the test passphrase). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Extra environment for the engine and the provider process; wins over the harness defaults. */
  readonly envVars?: Readonly<Record<string, string>>;
}

/**
 * A stack of a user project, each command run by the project's own deploy script in its own Node process
 * (see projectDriver.ts), so the program, the Automation API and the provider host all load what npm
 * installed in the project. Results and traces have the same shape as {@link TestStack}'s.
 */
export class ProjectStack {
  /** Every step run so far, failed ones included, oldest first. */
  readonly history: StepTrace[] = [];
  /** Where the last command's driver loaded `@pulumi/pulumi` and the SDK from. */
  lastResolved: DriverResult["resolved"] | undefined;
  private readonly binDir = locateEngine();
  private readonly envVars: Record<string, string>;
  private readonly projectName: string;
  private readonly stackName: string;
  private pendingConfig: ConfigMap = {};
  private steps = 0;

  /** @param project - the project; @param options - names, config and environment of the stack. */
  constructor(
    private readonly project: UserProject,
    options: ProjectStackOptions = {},
  ) {
    this.projectName = options.projectName ?? "pgt-user-project";
    this.stackName = options.stackName ?? "test";
    this.envVars = engineEnvironment(this.binDir, project.sandbox, { ...options.envVars });
    for (const [key, value] of Object.entries(options.config ?? {})) this.setConfig(key, value);
    for (const [key, value] of Object.entries(options.secrets ?? {})) this.setConfig(key, value, { secret: true });
  }

  /** Sets one stack config value; it is written before the next command runs. */
  setConfig(key: string, value: string, options: { secret?: boolean } = {}): void {
    this.pendingConfig = { ...this.pendingConfig, [key]: { value, secret: options.secret ?? false } };
  }

  /** `pulumi preview`. */
  preview(): Promise<StepResult<PreviewResult>> {
    return previewWithProgram(() => this.step<PreviewResult>("preview", (result) => result.changeSummary));
  }

  /** `pulumi up`. */
  async up(): Promise<StepResult<UpResult>> {
    return assertUpRanProgram(await this.step<UpResult>("up", (result) => result.summary.resourceChanges));
  }

  /** `pulumi refresh`. */
  refresh(): Promise<StepResult<RefreshResult>> {
    return this.step<RefreshResult>("refresh", (result) => result.summary.resourceChanges);
  }

  /** `pulumi destroy`. */
  destroy(): Promise<StepResult<DestroyResult>> {
    return this.step<DestroyResult>("destroy", (result) => result.summary.resourceChanges);
  }

  /** The resources in the exported state, secrets encrypted. */
  async stateResources(): Promise<StateResource[]> {
    const state = await exportEncryptedState(path.join(this.binDir, "pulumi"), this.stackName, this.project.dir, this.envVars);
    return (state.deployment?.resources ?? []) as StateResource[];
  }

  private step<R>(command: StepCommand, changesOf: (result: R) => OpMap | undefined): Promise<StepResult<R>> {
    return traceStep(command, {}, this.history, async (callbacks) => {
      const result = await this.runDriver(command);
      result.events.forEach((event) => callbacks.onEvent(event));
      callbacks.onOutput(result.stdout);
      callbacks.onError(result.stderr);
      this.lastResolved = result.resolved;
      if (result.resolved.engine !== engineVersion) {
        throw new Error(`the engine is ${result.resolved.engine}, expected ${engineVersion}; rerun \`npm run setup:engine\``);
      }
      if (result.error !== undefined) throw new Error(result.error);
      return result.result as R;
    }, changesOf);
  }

  private async runDriver(command: StepCommand): Promise<DriverResult> {
    const step = ++this.steps;
    const files = path.join(this.project.sandbox.root, "steps");
    fs.mkdirSync(files, { recursive: true });
    const requestFile = path.join(files, `${step}-${command}.request.json`);
    const resultFile = path.join(files, `${step}-${command}.result.json`);
    const request: DriverRequest = {
      command,
      projectName: this.projectName,
      stackName: this.stackName,
      engineRoot: path.dirname(this.binDir),
      envVars: this.envVars,
      config: this.pendingConfig,
    };
    fs.writeFileSync(requestFile, JSON.stringify(request), { mode: 0o600 });
    let stderr = "";
    try {
      await execFileAsync(process.execPath, ["deploy.js", requestFile, resultFile], {
        cwd: this.project.dir,
        env: { ...process.env, ...this.envVars },
        timeout: 5 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // A failed command still writes its result; only a driver that could not start leaves none.
      stderr = String((error as { stderr?: unknown }).stderr ?? error);
    }
    if (!fs.existsSync(resultFile)) throw new Error(`the project's deploy script wrote no result for \`${command}\`:\n${stderr}`);
    this.pendingConfig = {};
    return JSON.parse(fs.readFileSync(resultFile, "utf8")) as DriverResult;
  }
}
