import type { GeminiApi } from "../gemini/api";
import { shutdownSignal } from "../runtime/shutdownSignal";
import { progressReporter, waitForTuningOperation } from "../gemini/operationPoller";
import { WaitFailedError, WaitTimeoutError, type WaitError } from "../waiter";
import type { TuningOperation as Operation, TunedModel } from "../gemini/wire";

/** How a training wait ended when it did not succeed. */
export type TrainingOutcome =
  | { kind: "active"; operation: Operation; model: TunedModel }
  | { kind: "failed"; operation?: Operation; message: string }
  | { kind: "unfinished"; operation?: Operation; message: string };

/**
 * Waits for a tuning job to finish: polls its operation with the adaptive waiter, prints a short progress
 * line at most every 10 s, and reads the finished model. Never throws for the ways a wait can end
 * (failed job, deadline, interruption): the caller decides what each means for Pulumi state.
 */
export async function awaitTraining(
  api: GeminiApi,
  operationName: string,
  modelName: string,
  timeoutMs: number,
): Promise<TrainingOutcome> {
  const report = progressReporter(modelName, (line) => console.log(line));
  let operation: Operation | undefined;
  try {
    operation = await waitForTuningOperation({
      poll: (signal) => api.getOperation(operationName, signal),
      signal: shutdownSignal(),
      timeoutMs,
      onProgress: report,
    });
  } catch (error) {
    if (error instanceof WaitFailedError) {
      return { kind: "failed", message: `tuning job ${operationName} failed: ${error.reason}` };
    }
    const last = (error as Partial<WaitError<Operation>>).lastObserved;
    const seconds = Math.round(timeoutMs / 1000);
    const why = shutdownSignal().aborted
      ? `the deploy was interrupted while ${modelName} was training`
      : error instanceof WaitTimeoutError
        ? `${modelName} was still training after the create timeout (${seconds}s)`
        : `waiting for ${modelName} failed: ${(error as Error).message}`;
    return { kind: "unfinished", operation: last, message: why };
  }
  const model = await api.getTunedModel(modelName);
  if (model === undefined) return { kind: "failed", operation, message: `${modelName} disappeared while its tuning job finished` };
  if (model.state === "FAILED") return { kind: "failed", operation, message: `${modelName} ended in state FAILED` };
  return { kind: "active", operation, model };
}
