import { grpcCodeName } from "../google/status";
import { throttledReporter, waitUntil, type Classification, type ProgressReading, type ThrottledReporterOptions, type WaitUntilOptions } from "../waiter";
import type { TuningOperation, TuningSnapshot } from "./wire";

/**
 * How the waiter reads a Gemini tuning operation: pending until `done`; then failed with its Status, or
 * failed when it claims done with neither a result nor an error (a broken answer is not a success), or
 * succeeded. Progress is whole steps when the operation reports `totalSteps` (an absent
 * `completedSteps` is 0, proto3 omits zeros), else its percentage, else nothing (the schedule then just
 * grows its patience).
 */
export function classifyTuningOperation(operation: TuningOperation): Classification {
  const progress = progressReading(operation);
  if (operation.done !== true) return { state: "pending", progress };
  if (operation.error !== undefined) {
    const { code, message } = operation.error;
    return { state: "failed", reason: `${grpcCodeName(code)} (code ${code ?? "?"}): ${message || "(no message)"}`, progress };
  }
  if (operation.response === undefined) return { state: "failed", reason: "it is done but has neither a response nor an error", progress };
  return { state: "succeeded", progress };
}

function progressReading(operation: TuningOperation): ProgressReading | undefined {
  const metadata = operation.metadata;
  if (metadata === undefined) return undefined;
  if (metadata.totalSteps !== undefined && metadata.totalSteps > 0) {
    return { completed: metadata.completedSteps ?? 0, total: metadata.totalSteps, unit: "step", stepTimes: snapshotTimes(metadata.snapshots) };
  }
  if (metadata.completedPercent !== undefined) return { completed: metadata.completedPercent, total: 100, unit: "percent" };
  return undefined;
}

/** The first and the last snapshot's step and `computeTime` (epoch ms): they give the job's pace exactly. */
function snapshotTimes(snapshots: readonly TuningSnapshot[] | undefined): Array<{ step: number; at: number }> | undefined {
  const timed = (snapshots ?? [])
    .map((s) => ({ step: s.step ?? 0, at: s.computeTime === undefined ? NaN : Date.parse(s.computeTime) }))
    .filter((t) => t.step > 0 && Number.isFinite(t.at));
  if (timed.length === 0) return undefined;
  let first = timed[0];
  let last = timed[0];
  for (const t of timed) {
    if (t.step < first.step) first = t;
    if (t.step > last.step) last = t;
  }
  return first === last ? [last] : [first, last];
}

/** Options of {@link waitForTuningOperation}: those of `waitUntil` but the classifier, plus a progress callback. */
export type WaitForTuningOperationOptions = Omit<WaitUntilOptions<TuningOperation>, "classify" | "nameOf"> & {
  /** Called with every observation's progress, the first and the last included. */
  onProgress?: (progress: OperationProgress) => void;
};

/** Waits for a tuning operation with the adaptive waiter; resolves with the done operation. */
export function waitForTuningOperation(options: WaitForTuningOperationOptions): Promise<TuningOperation> {
  const { onProgress, ...rest } = options;
  return waitUntil({
    ...rest,
    classify: classifyTuningOperation,
    nameOf: (operation) => operation.name,
    onObservation: (operation, classification) => {
      onProgress?.(operationProgress(operation));
      options.onObservation?.(operation, classification);
    },
  });
}

/** What one look at a tuning operation says about its progress. */
export interface OperationProgress {
  /** Operation name. */
  operation: string;
  /** The tuned model being trained, when the metadata names it. */
  tunedModel?: string;
  /** Steps the job will run. */
  totalSteps?: number;
  /** Steps finished (0 when the service omits it but reports `totalSteps`: proto3 drops zeros). */
  completedSteps?: number;
  /** Percent finished, from the service or computed from the steps. */
  completedPercent?: number;
  /** The most recent step's metrics. */
  latestSnapshot?: { step?: number; epoch?: number; meanLoss?: number };
  /** Whether the operation has finished (either way). */
  done: boolean;
  /** The failure, when finished with one: gRPC numeric `code` and message. */
  error?: { code?: number; message?: string };
}

/** Reads an Operation's progress metadata into one flat, normalised shape. */
export function operationProgress(operation: TuningOperation): OperationProgress {
  const metadata = operation.metadata;
  const totalSteps = metadata?.totalSteps;
  const completedSteps = metadata?.completedSteps ?? (totalSteps !== undefined ? 0 : undefined);
  const completedPercent =
    metadata?.completedPercent ??
    (totalSteps !== undefined && totalSteps > 0 && completedSteps !== undefined ? (100 * completedSteps) / totalSteps : undefined);
  const latest = latestSnapshot(metadata?.snapshots);
  const progress: OperationProgress = { operation: operation.name, done: operation.done === true };
  if (metadata?.tunedModel !== undefined) progress.tunedModel = metadata.tunedModel;
  if (totalSteps !== undefined) progress.totalSteps = totalSteps;
  if (completedSteps !== undefined) progress.completedSteps = completedSteps;
  if (completedPercent !== undefined) progress.completedPercent = completedPercent;
  if (latest !== undefined) progress.latestSnapshot = { step: latest.step, epoch: latest.epoch, meanLoss: latest.meanLoss };
  if (operation.error !== undefined) progress.error = { code: operation.error.code, message: operation.error.message };
  return progress;
}

function latestSnapshot(snapshots: readonly TuningSnapshot[] | undefined): TuningSnapshot | undefined {
  let latest: TuningSnapshot | undefined;
  for (const snapshot of snapshots ?? []) {
    if (latest === undefined || (snapshot.step ?? 0) >= (latest.step ?? 0)) latest = snapshot;
  }
  return latest;
}

/**
 * Turns operation observations into short progress lines, at most one per interval (the first
 * immediately), e.g. `tunedModels/x: 42% (step 16/38, epoch 3, mean loss 1.2345)`. The final line of a
 * finished operation is always written, so the log ends with the outcome.
 */
export function progressReporter(resource: string, write: (line: string) => void, options: ThrottledReporterOptions = {}): (progress: OperationProgress) => void {
  const report = throttledReporter(write, options);
  return (progress) => report(formatProgressLine(resource, progress), progress.done);
}

/** One progress line: `resource: percent (step n/total, epoch e, mean loss l)`, or the outcome when done. */
export function formatProgressLine(resource: string, progress: OperationProgress): string {
  if (progress.done && progress.error !== undefined) {
    const { code, message } = progress.error;
    return `${resource}: failed, ${grpcCodeName(code)}: ${message ?? "(no message)"}`;
  }
  const details: string[] = [];
  if (progress.totalSteps !== undefined) details.push(`step ${progress.completedSteps ?? 0}/${progress.totalSteps}`);
  const snapshot = progress.latestSnapshot;
  if (snapshot?.epoch !== undefined) details.push(`epoch ${snapshot.epoch}`);
  if (snapshot?.meanLoss !== undefined) details.push(`mean loss ${snapshot.meanLoss.toFixed(4)}`);
  const percent = progress.completedPercent ?? (progress.done ? 100 : undefined);
  const head = percent === undefined ? (progress.done ? "done" : "training") : `${Math.floor(percent)}%`;
  const tail = details.length > 0 ? ` (${details.join(", ")})` : progress.done ? "" : " (no progress reported yet)";
  return `${resource}: ${head}${tail}${progress.done ? ", done" : ""}`;
}
