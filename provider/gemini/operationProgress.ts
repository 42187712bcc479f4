import type { TuningOperation as Operation, TuningSnapshot } from "./wire";

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
export function operationProgress(operation: Operation): OperationProgress {
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
