import { compare, diffFields, settingsChanged, type FieldRule } from "../../lifecycle/diff";
import { evaluationChanged } from "../../lifecycle/evaluation/gate";
import { MUTABLE_FIELDS, normalizedHyperparameters, type CheckedTunedModelInputs, type MutableField } from "./inputs";

/** What `diff` decides for a `TunedModel`. */
export interface TunedModelDiff {
  /** Whether anything changes. */
  changes: boolean;
  /** Properties whose change forces a new model (shown by the preview as the replacement's reason). */
  replaces: string[];
  /** Mutable fields to PATCH in place. */
  updates: MutableField[];
  /** The replacement needs the old model's id, so the old model must go first. */
  deleteBeforeReplace: boolean;
}

/** How each field is compared: what trains a new model, what is patched, and with which equality. */
const FIELDS: readonly FieldRule[] = [
  { field: "baseModel", effect: "replace", changed: compare.exact },
  { field: "sourceModel", effect: "replace", changed: compare.exact },
  {
    field: "hyperparameters",
    effect: "replace",
    compareUnset: true,
    changed: compare.numberRecord("hyperparameters", (h) => normalizedHyperparameters(h as CheckedTunedModelInputs["hyperparameters"]), true),
  },
  {
    // The examples are not in state; their fingerprint is. Unknown at preview (computed data) counts as new.
    field: "trainingData",
    effect: "replace",
    recordedAs: "datasetFingerprint",
    changed: (desired, recorded) => {
      const fingerprint = (desired as CheckedTunedModelInputs["trainingData"])?.fingerprint;
      return fingerprint === undefined || (recorded !== undefined && fingerprint !== recorded);
    },
  },
  { field: "displayName", effect: "update", changed: compare.proto3String },
  { field: "description", effect: "update", changed: compare.proto3String },
  { field: "temperature", effect: "update", changed: compare.float32 },
  { field: "topP", effect: "update", changed: compare.float32 },
  { field: "topK", effect: "update", changed: compare.float32 },
  { field: "readerProjectNumbers", effect: "update", changed: compare.stringSet },
  { field: "evaluation", effect: "update", changed: evaluationChanged, compareUnset: true },
];

/** Settings recorded in place: how to reach the service and how long to wait. */
const SETTINGS = ["baseUrl", "project", "timeouts"] as const;

/**
 * Compares the desired inputs with the old outputs. Base model, source model, id, hyperparameters and
 * the dataset fingerprint force replacement (a new training job); so does a model whose training failed.
 * Mutable fields are updated in place; equal values written differently (defaults, key order, number
 * formatting) are no change. A model still training is resumed by `update`.
 */
export function diffTunedModel(olds: Record<string, unknown>, news: CheckedTunedModelInputs): TunedModelDiff {
  const { replaces, updates } = diffFields(olds, news, FIELDS);
  if (olds.state === "FAILED") replaces.push("state");
  // An autonamed id follows the spec, so it only counts as a reason when it is the user's own choice.
  const idChanged = news.tunedModelId !== olds.tunedModelId;
  if (idChanged && (!news.autonamed || replaces.length === 0)) replaces.push("tunedModelId");
  const resuming = olds.state !== undefined && olds.state !== "ACTIVE" && olds.state !== "FAILED";
  return {
    changes: replaces.length > 0 || updates.length > 0 || resuming || settingsChanged(olds, news, SETTINGS),
    replaces,
    updates: MUTABLE_FIELDS.filter((field) => updates.includes(field)),
    // Two models cannot share an id: when the replacement keeps it, the old one must go first.
    deleteBeforeReplace: replaces.length > 0 && !idChanged,
  };
}
