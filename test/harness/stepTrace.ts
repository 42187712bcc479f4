import type { EngineEvent, OpMap } from "@pulumi/pulumi/automation";
import type { Diagnostic, ResourceOperation } from "./operations";

/** The engine commands a test stack runs. */
export type StepCommand = "preview" | "up" | "refresh" | "destroy";

/** What one engine command showed, whether it succeeded or not. */
export interface StepTrace {
  /** Which command ran. */
  readonly command: StepCommand;
  /** The engine's stdout, line by line (what a user sees in CI). */
  readonly outputLines: readonly string[];
  /** The engine's stderr, line by line. */
  readonly errorLines: readonly string[];
  /** Every structured engine event, in order. */
  readonly events: readonly EngineEvent[];
  /** Resource steps from the events, in order (see {@link ResourceOperation.phase}). */
  readonly operations: readonly ResourceOperation[];
  /** Diagnostics from the events, including what the provider process printed. */
  readonly diagnostics: readonly Diagnostic[];
  /** Wall-clock time of the command. */
  readonly durationMs: number;
}

/** A command that succeeded: its trace, the Automation API result and the change counts. */
export interface StepResult<R> extends StepTrace {
  /** The Automation API's own result. */
  readonly result: R;
  /**
   * Operation counts: `changeSummary` of a preview, `summary.resourceChanges` of the other commands
   * (e.g. `{ create: 1 }` or `{ same: 2 }`); the stack resource itself is counted too.
   */
  readonly changes: OpMap;
}

/** Thrown when an engine command fails; carries everything the command showed before failing. */
export class StackStepError extends Error {
  /** @param trace - what the command showed; @param cause - the Automation API's error. */
  constructor(
    readonly trace: StepTrace,
    override readonly cause: unknown,
  ) {
    super(`pulumi ${trace.command} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "StackStepError";
  }
}
