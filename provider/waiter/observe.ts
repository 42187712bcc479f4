import type { TuningOperation as Operation } from "../gemini/wire";
import type { ProgressObservation } from "./completionEstimate";

/**
 * Turns one poll's answer into a progress observation for the schedule: whole steps when the operation
 * reports `totalSteps` (an absent `completedSteps` is 0, proto3 omits zeros), else its percentage, else
 * nothing (the schedule then just grows its patience).
 */
export function progressObservation(operation: Operation, sentAt: number, receivedAt: number): ProgressObservation | undefined {
  const metadata = operation.metadata;
  if (metadata === undefined) return undefined;
  const stepTimes = snapshotTimes(operation);
  if (metadata.totalSteps !== undefined && metadata.totalSteps > 0) {
    return { sentAt, receivedAt, completed: metadata.completedSteps ?? 0, total: metadata.totalSteps, unit: "step", stepTimes };
  }
  if (metadata.completedPercent !== undefined) {
    return { sentAt, receivedAt, completed: metadata.completedPercent, total: 100, unit: "percent" };
  }
  return undefined;
}

/** The first and the last snapshot's step and `computeTime` (epoch ms). */
function snapshotTimes(operation: Operation): Array<{ step: number; at: number }> | undefined {
  const timed = (operation.metadata?.snapshots ?? [])
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
