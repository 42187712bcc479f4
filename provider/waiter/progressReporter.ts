import type { OperationProgress } from "../gemini/operationProgress";
import { grpcCodeName } from "../google/status";

/** Options of {@link progressReporter}. */
export interface ProgressReporterOptions {
  /** Minimum time between lines. Default 10 s: the engine shows provider output as plain lines. */
  intervalMs?: number;
  /** Time source (tests). */
  now?: () => number;
}

/**
 * Turns operation observations into short progress lines, at most one per interval (the first
 * immediately), e.g. `tunedModels/x: 42% (step 16/38, epoch 3, mean loss 1.2345)`. The final line of a
 * finished operation is always written, so the log ends with the outcome.
 */
export function progressReporter(
  resource: string,
  write: (line: string) => void,
  options: ProgressReporterOptions = {},
): (progress: OperationProgress) => void {
  const intervalMs = options.intervalMs ?? 10_000;
  const now = options.now ?? Date.now;
  let lastWrittenAt: number | undefined;
  return (progress) => {
    const at = now();
    if (!progress.done && lastWrittenAt !== undefined && at - lastWrittenAt < intervalMs) return;
    lastWrittenAt = at;
    write(formatProgressLine(resource, progress));
  };
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
