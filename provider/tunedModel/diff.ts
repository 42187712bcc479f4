import { containsUnknown } from "../runtime/unknowns";
import { normalizedHyperparameters } from "./autoname";
import { MUTABLE_FIELDS, type CheckedTunedModelInputs, type MutableField } from "./inputs";

/** What `diff` returns to the engine. */
export interface TunedModelDiff {
  /** Whether anything changes. */
  changes: boolean;
  /** Properties whose change forces a new model (shown by the preview as the replacement's reason). */
  replaces: string[];
  /** Mutable fields to PATCH in place. */
  updates: MutableField[];
  /** A user-chosen id cannot exist twice, so the old model must go first. */
  deleteBeforeReplace: boolean;
}

/**
 * Compares the desired inputs with the old outputs. Base model, source model, id, hyperparameters and
 * the dataset fingerprint force replacement (a new training job); mutable fields are updated in place;
 * equal values written differently (defaults, key order, number formatting) are no change.
 */
export function diffTunedModel(olds: Record<string, unknown>, news: CheckedTunedModelInputs): TunedModelDiff {
  const replaces: string[] = [];
  if (changed(news.baseModel, olds.baseModel)) replaces.push("baseModel");
  if (changed(news.sourceModel, olds.sourceModel)) replaces.push("sourceModel");
  replaces.push(...hyperparameterChanges(olds.hyperparameters as CheckedTunedModelInputs["hyperparameters"], news.hyperparameters));
  const oldFingerprint = olds.datasetFingerprint;
  const newFingerprint = news.trainingData?.fingerprint;
  if (news.trainingData !== undefined && (newFingerprint === undefined || (oldFingerprint !== undefined && newFingerprint !== oldFingerprint))) {
    replaces.push("trainingData");
  }
  // An autonamed id follows the spec, so it only counts as a reason when it is the user's own choice.
  const idChanged = news.tunedModelId !== olds.tunedModelId;
  if (idChanged && (!news.autonamed || replaces.length === 0)) replaces.push("tunedModelId");

  const updates = MUTABLE_FIELDS.filter((field) => mutableFieldChanged(field, olds[field], news[field]));
  const resuming = olds.state !== undefined && olds.state !== "ACTIVE";
  const connectionChanged = (["baseUrl", "project", "timeouts"] as const).some(
    (key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null),
  );
  return {
    changes: replaces.length > 0 || updates.length > 0 || resuming || connectionChanged,
    replaces,
    updates,
    deleteBeforeReplace: replaces.length > 0 && !news.autonamed && !idChanged,
  };
}

/** A source the program leaves unset (the other one is used) is not compared. */
function changed(desired: unknown, actual: unknown): boolean {
  if (desired === undefined) return false;
  if (containsUnknown(desired)) return true;
  return (desired ?? null) !== (actual ?? null);
}

function hyperparameterChanges(
  olds: CheckedTunedModelInputs["hyperparameters"],
  news: CheckedTunedModelInputs["hyperparameters"],
): string[] {
  if (containsUnknown(news)) return ["hyperparameters"];
  const before = normalizedHyperparameters(olds);
  const after = normalizedHyperparameters(news);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !sameNumber(before[key], after[key])).map((key) => `hyperparameters.${key}`);
}

/**
 * A mutable field the program leaves unset is not managed: the service's value (often the base model's
 * default) stands and is no drift. Floats are compared at the service's float32 precision.
 */
function mutableFieldChanged(field: MutableField, actual: unknown, desired: unknown): boolean {
  if (desired === undefined) return false;
  if (containsUnknown(desired)) return true;
  switch (field) {
    case "temperature":
    case "topP":
    case "topK":
      return !sameNumber(actual as number | undefined, desired as number);
    case "readerProjectNumbers":
      return sortedStrings(actual).join(",") !== sortedStrings(desired).join(",");
    default:
      // proto3 omits empty strings, so "" and absent are the same value.
      return ((actual as string | undefined) ?? "") !== ((desired as string | undefined) ?? "");
  }
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sortedStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}
