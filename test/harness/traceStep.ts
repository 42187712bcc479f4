import type { EngineEvent, OpMap } from "@pulumi/pulumi/automation";
import { LineCollector } from "./lineCollector";
import { diagnosticFromEvent, operationFromEvent, type Diagnostic, type ResourceOperation } from "./operations";
import { StackStepError, type StepCommand, type StepResult, type StepTrace } from "./stepTrace";

/** Live hooks a test can add to any step, e.g. to abort an `up` once a progress line appears. */
export interface StepHooks {
  /** Called with each engine stdout line as it arrives. */
  readonly onLine?: (line: string) => void;
  /** Called with each engine event as it arrives. */
  readonly onEvent?: (event: EngineEvent) => void;
}

/** The callbacks the harness hands to the Automation API to record a step. */
export interface RecordingCallbacks {
  readonly onOutput: (chunk: string) => void;
  readonly onError: (chunk: string) => void;
  readonly onEvent: (event: EngineEvent) => void;
}

/**
 * Runs one engine command while recording its output lines and events. On failure the recording is not
 * lost: the thrown {@link StackStepError} carries it. Every trace, failed or not, goes to `history`.
 */
export async function traceStep<R>(
  command: StepCommand,
  hooks: StepHooks,
  history: StepTrace[],
  run: (callbacks: RecordingCallbacks) => Promise<R>,
  changesOf: (result: R) => OpMap | undefined,
): Promise<StepResult<R>> {
  const started = Date.now();
  const stdout = new LineCollector(hooks.onLine);
  const stderr = new LineCollector();
  const events: EngineEvent[] = [];
  const operations: ResourceOperation[] = [];
  const diagnostics: Diagnostic[] = [];
  const onEvent = (event: EngineEvent): void => {
    events.push(event);
    const operation = operationFromEvent(event);
    if (operation) operations.push(operation);
    const diagnostic = diagnosticFromEvent(event);
    if (diagnostic) diagnostics.push(diagnostic);
    hooks.onEvent?.(event);
  };
  const trace = (): StepTrace => {
    stdout.flush();
    stderr.flush();
    const recorded = {
      command,
      outputLines: stdout.lines,
      errorLines: stderr.lines,
      events,
      operations,
      diagnostics,
      durationMs: Date.now() - started,
    };
    history.push(recorded);
    return recorded;
  };
  let result: R;
  try {
    result = await run({ onOutput: (chunk) => stdout.push(chunk), onError: (chunk) => stderr.push(chunk), onEvent });
  } catch (error) {
    throw new StackStepError(trace(), error);
  }
  return { ...trace(), result, changes: changesOf(result) ?? {} };
}
