import * as path from "node:path";
import {
  LocalWorkspace,
  PulumiCommand,
  type Deployment,
  type DestroyOptions,
  type DestroyResult,
  type OutputMap,
  type PreviewOptions,
  type PreviewResult,
  type PulumiFn,
  type RefreshOptions,
  type RefreshResult,
  type Stack,
  type UpOptions,
  type UpResult,
} from "@pulumi/pulumi/automation";
import { engineEnvironment } from "./engineEnvironment";
import { engineVersion, locateEngine } from "./engineLocation";
import { exportEncryptedState } from "./exportEncryptedState";
import { assertUpRanProgram, previewWithProgram } from "./programReached";
import { absorbMonitorUnavailable } from "./runtimeRejections";
import { createSandbox, removeSandbox, type Sandbox } from "./sandbox";
import { traceStep, type StepHooks } from "./traceStep";
import type { StepResult, StepTrace } from "./stepTrace";

/** How to create a throwaway stack. */
export interface TestStackOptions {
  /** The inline program; replace it between steps with {@link TestStack.setProgram}. */
  readonly program: PulumiFn;
  /** Project name (config keys without a namespace belong to it). Default `pgt-test`. */
  readonly projectName?: string;
  /** Stack name. Default `test`. */
  readonly stackName?: string;
  /** Plain stack config, e.g. `{ "gemini-tuning:endpoint": "http://..." }`. */
  readonly config?: Readonly<Record<string, string>>;
  /** Secret stack config (encrypted in state with the test passphrase). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Extra environment for the engine and the provider process; wins over the harness defaults. */
  readonly envVars?: Readonly<Record<string, string>>;
}

/** Options the harness owns are left out: it records output and events itself and supplies the program. */
type HarnessOwned = "onOutput" | "onError" | "onEvent" | "program";
/** Options for {@link TestStack.preview}. */
export type PreviewStepOptions = Omit<PreviewOptions, HarnessOwned> & StepHooks;
/** Options for {@link TestStack.up}; `signal` aborts the command (the CLI gets SIGINT). */
export type UpStepOptions = Omit<UpOptions, HarnessOwned> & StepHooks;
/** Options for {@link TestStack.refresh}. */
export type RefreshStepOptions = Omit<RefreshOptions, HarnessOwned> & StepHooks;
/** Options for {@link TestStack.destroy}. */
export type DestroyStepOptions = Omit<DestroyOptions, HarnessOwned> & StepHooks;

/** One resource as recorded in the exported state. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly custom?: boolean;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * A stack on the real engine in throwaway folders, driven through the Automation API. Every command
 * returns what it showed (output lines, engine events, resource operations) and is also kept in
 * {@link TestStack.history}. Call {@link TestStack.dispose} when done.
 */
export class TestStack {
  /** Every step run so far, failed ones included, oldest first. */
  readonly history: StepTrace[] = [];

  private constructor(
    /** The Automation API stack, for anything the harness does not wrap. */
    readonly stack: Stack,
    /** The throwaway folders (work dir, state backend, PULUMI_HOME). */
    readonly sandbox: Sandbox,
    private readonly current: { program: PulumiFn },
    private readonly pulumiCommand: PulumiCommand,
    private readonly envVars: Readonly<Record<string, string>>,
  ) {}

  /** Creates the stack; fails with a message naming `npm run setup:engine` if the engine is not built. */
  static async create(options: TestStackOptions): Promise<TestStack> {
    absorbMonitorUnavailable();
    const binDir = locateEngine();
    const sandbox = await createSandbox();
    try {
      const pulumiCommand = await PulumiCommand.get({ root: path.dirname(binDir) });
      if (`v${pulumiCommand.version?.format()}` !== engineVersion) {
        throw new Error(`${pulumiCommand.command} is version ${pulumiCommand.version?.format()}, expected ${engineVersion}; rerun \`npm run setup:engine\``);
      }
      // The workspace keeps this one wrapper for every command; it runs whatever program is current,
      // so setProgram can swap programs between steps without recreating the workspace.
      const current = { program: options.program };
      const program: PulumiFn = () => current.program();
      const projectName = options.projectName ?? "pgt-test";
      const envVars = engineEnvironment(binDir, sandbox, { ...options.envVars });
      const stack = await LocalWorkspace.createOrSelectStack(
        { stackName: options.stackName ?? "test", projectName, program },
        {
          workDir: sandbox.workDir,
          // The engine starts plugins in the project's `main` folder, which the Automation API would
          // otherwise set to this process's cwd; pin it to the work dir so the provider process resolves
          // modules as in a user's project (see createSandbox) wherever jest was started.
          projectSettings: { name: projectName, runtime: "nodejs", main: sandbox.workDir },
          pulumiCommand,
          envVars,
        },
      );
      const testStack = new TestStack(stack, sandbox, current, pulumiCommand, envVars);
      for (const [key, value] of Object.entries(options.config ?? {})) {
        await testStack.setConfig(key, value);
      }
      for (const [key, value] of Object.entries(options.secrets ?? {})) {
        await testStack.setConfig(key, value, { secret: true });
      }
      return testStack;
    } catch (error) {
      await removeSandbox(sandbox);
      throw error;
    }
  }

  /** The LocalWorkspace work dir (plugins start here). */
  get workDir(): string {
    return this.sandbox.workDir;
  }

  /** Replaces the program the next preview/up/refresh/destroy runs, e.g. to change a resource's inputs. */
  setProgram(program: PulumiFn): void {
    this.current.program = program;
  }

  /** Sets one stack config value (secret values are encrypted in state). */
  async setConfig(key: string, value: string, options: { secret?: boolean } = {}): Promise<void> {
    await this.stack.setConfig(key, { value, secret: options.secret ?? false });
  }

  /** `pulumi preview`: plans without changing anything. */
  async preview(options: PreviewStepOptions = {}): Promise<StepResult<PreviewResult>> {
    const { onLine, onEvent, ...rest } = options;
    return previewWithProgram(() =>
      traceStep(
        "preview",
        { onLine, onEvent },
        this.history,
        (callbacks) => this.stack.preview({ color: "never", ...rest, ...callbacks }),
        (result) => result.changeSummary,
      ),
    );
  }

  /** `pulumi up`. Pass `signal` to interrupt it (the CLI receives SIGINT, as with Ctrl-C). */
  async up(options: UpStepOptions = {}): Promise<StepResult<UpResult>> {
    const { onLine, onEvent, ...rest } = options;
    return assertUpRanProgram(
      await traceStep(
        "up",
        { onLine, onEvent },
        this.history,
        (callbacks) => this.stack.up({ color: "never", ...rest, ...callbacks }),
        (result) => result.summary.resourceChanges,
      ),
    );
  }

  /** `pulumi refresh`: reads every resource back from the provider. */
  async refresh(options: RefreshStepOptions = {}): Promise<StepResult<RefreshResult>> {
    const { onLine, onEvent, ...rest } = options;
    return traceStep(
      "refresh",
      { onLine, onEvent },
      this.history,
      (callbacks) => this.stack.refresh({ color: "never", ...rest, ...callbacks }),
      (result) => result.summary.resourceChanges,
    );
  }

  /** `pulumi destroy`: deletes every resource of the stack (the stack itself stays). */
  async destroy(options: DestroyStepOptions = {}): Promise<StepResult<DestroyResult>> {
    const { onLine, onEvent, ...rest } = options;
    return traceStep(
      "destroy",
      { onLine, onEvent },
      this.history,
      (callbacks) => this.stack.destroy({ color: "never", ...rest, ...callbacks }),
      (result) => result.summary.resourceChanges,
    );
  }

  /**
   * `pulumi stack export`: the state as stored, secrets encrypted (what an attacker with the state file
   * would see). With `showSecrets`, secrets are decrypted (the Automation API's `exportStack`).
   */
  async exportState(options: { showSecrets?: boolean } = {}): Promise<Deployment> {
    if (options.showSecrets) {
      return this.stack.exportStack();
    }
    return exportEncryptedState(this.pulumiCommand.command, this.stack.name, this.sandbox.workDir, this.envVars);
  }

  /** The resources in the exported state, secrets encrypted (the stack resource and default providers included). */
  async stateResources(): Promise<StateResource[]> {
    const state = await this.exportState();
    return (state.deployment?.resources ?? []) as StateResource[];
  }

  /** The stack outputs, secrets decrypted. */
  async outputs(): Promise<OutputMap> {
    return this.stack.outputs();
  }

  /** Removes the throwaway folders; with `destroy: true` first destroys what the stack still holds. */
  async dispose(options: { destroy?: boolean } = {}): Promise<void> {
    try {
      if (options.destroy) {
        await this.destroy();
      }
    } finally {
      await removeSandbox(this.sandbox);
    }
  }
}

/** Creates a {@link TestStack}; see {@link TestStackOptions}. */
export function createTestStack(options: TestStackOptions): Promise<TestStack> {
  return TestStack.create(options);
}
