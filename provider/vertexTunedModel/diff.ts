import { containsUnknown } from "../runtime/unknowns";
import { FINAL_JOB_STATES } from "../vertex/wire";
import { normalizedVertexHyperparameters } from "./creationKey";
import { VERTEX_MUTABLE_FIELDS, type CheckedVertexInputs, type VertexMutableField } from "./inputs";

/** What `diff` returns to the engine. */
export interface VertexDiff {
  /** Whether anything changes. */
  changes: boolean;
  /** Properties whose change trains a new model (the preview shows them as the replacement's reason). */
  replaces: string[];
  /** Fields of the produced model to PATCH in place. */
  updates: VertexMutableField[];
}

/** Settings that define the training: a change means a new tuning job. */
const REPLACING_SCALARS = ["project", "location", "baseModel", "exportLastCheckpointOnly", "serviceAccount", "kmsKeyName"] as const;

/**
 * Compares the desired inputs with the old outputs. Base model, datasets (URI or content fingerprint),
 * hyperparameters, service account, KMS key, project and location train a new model; display name,
 * description and labels are patched on the produced model. A job that ended without a model (failed,
 * cancelled, expired) is replaced, so fixing its cause and running `up` again trains anew.
 */
export function diffVertexTunedModel(olds: Record<string, unknown>, news: CheckedVertexInputs): VertexDiff {
  const replaces: string[] = REPLACING_SCALARS.filter((key) => changed(news[key], olds[key]));
  for (const key of ["trainingDataset", "validationDataset"] as const) {
    const before = olds[key] as CheckedVertexInputs["trainingDataset"] | undefined;
    const after = news[key];
    if (containsUnknown(after)) replaces.push(key);
    else if (after?.uri !== before?.uri) replaces.push(`${key}.uri`);
    else if (after?.fingerprint !== before?.fingerprint) replaces.push(`${key}.fingerprint`);
  }
  replaces.push(...hyperparameterChanges(olds.hyperparameters as CheckedVertexInputs["hyperparameters"], news.hyperparameters));
  const state = olds.state as string | undefined;
  if (state !== undefined && FINAL_JOB_STATES.has(state) && state !== "JOB_STATE_SUCCEEDED") replaces.push("state");

  const updates = VERTEX_MUTABLE_FIELDS.filter((field) => mutableFieldChanged(field, olds[field], news[field]));
  const resuming = state !== undefined && !FINAL_JOB_STATES.has(state);
  const settingsChanged = (["baseUrl", "timeouts"] as const).some((key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null));
  return { changes: replaces.length > 0 || updates.length > 0 || resuming || settingsChanged, replaces, updates };
}

function changed(desired: unknown, actual: unknown): boolean {
  if (containsUnknown(desired)) return true;
  return (desired ?? null) !== (actual ?? null);
}

function hyperparameterChanges(olds: CheckedVertexInputs["hyperparameters"], news: CheckedVertexInputs["hyperparameters"]): string[] {
  if (containsUnknown(news)) return ["hyperparameters"];
  const before = normalizedVertexHyperparameters(olds);
  const after = normalizedVertexHyperparameters(news);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).map((key) => `hyperparameters.${key}`);
}

/** A field the program leaves unset is not managed: the service's value stands and is no drift. */
function mutableFieldChanged(field: VertexMutableField, actual: unknown, desired: unknown): boolean {
  if (desired === undefined) return false;
  if (containsUnknown(desired)) return true;
  if (field === "labels") return canonicalLabels(actual) !== canonicalLabels(desired);
  // proto3 omits empty strings, so "" and absent are the same value.
  return ((actual as string | undefined) ?? "") !== ((desired as string | undefined) ?? "");
}

function canonicalLabels(labels: unknown): string {
  const entries = Object.entries((labels as Record<string, string> | undefined) ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
