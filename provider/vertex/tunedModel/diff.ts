import { compare, diffFields, settingsChanged, type Comparator, type FieldRule } from "../../lifecycle/diff";
import { evaluationChanged } from "../../lifecycle/evaluation/gate";
import { isFinal } from "../jobPoller";
import { evaluationConfigChanged } from "./evaluationConfig";
import { normalizedVertexHyperparameters, VERTEX_MUTABLE_FIELDS, type CheckedVertexInputs, type VertexMutableField } from "./inputs";

/** What `diff` decides for a `VertexTunedModel`. */
export interface VertexDiff {
  /** Whether anything changes. */
  changes: boolean;
  /** Properties whose change trains a new model (the preview shows them as the replacement's reason). */
  replaces: string[];
  /** Fields of the produced model to PATCH in place. */
  updates: VertexMutableField[];
}

/** A dataset is the same when its URI and its content fingerprint are; the reason names which moved. */
function datasetChanged(key: string): Comparator {
  return (desired, recorded) => {
    const after = desired as CheckedVertexInputs["trainingDataset"] | undefined;
    const before = recorded as CheckedVertexInputs["trainingDataset"] | undefined;
    if (after?.uri !== before?.uri) return [`${key}.uri`];
    return after?.fingerprint !== before?.fingerprint ? [`${key}.fingerprint`] : [];
  };
}

/** Settings that define the training (a change means a new tuning job), then what is patched on the model. */
const FIELDS: readonly FieldRule[] = [
  ...(["project", "location", "baseModel", "sourceModel", "checkpointId", "exportLastCheckpointOnly", "serviceAccount", "kmsKeyName"] as const).map(
    (field): FieldRule => ({ field, effect: "replace", changed: compare.exact, compareUnset: true }),
  ),
  // Adopting another job is another model; turning adoption on or off later changes nothing.
  { field: "tuningJob", effect: "replace", changed: compare.exact },
  // Absent is supervised: recorded states from before the choice existed and an explicit "supervised" agree.
  { field: "method", effect: "replace", compareUnset: true, changed: (desired, recorded) => (desired ?? "supervised") !== (recorded ?? "supervised") },
  { field: "trainingDataset", effect: "replace", changed: datasetChanged("trainingDataset"), compareUnset: true },
  { field: "validationDataset", effect: "replace", changed: datasetChanged("validationDataset"), compareUnset: true },
  {
    field: "hyperparameters",
    effect: "replace",
    compareUnset: true,
    changed: compare.numberRecord("hyperparameters", (h) => normalizedVertexHyperparameters(h as CheckedVertexInputs["hyperparameters"])),
  },
  // Part of the job's spec: Vertex evaluates while it trains, so a new evaluation is a new job.
  { field: "evaluationConfig", effect: "replace", compareUnset: true, changed: evaluationConfigChanged },
  { field: "tunedModelDisplayName", effect: "update", changed: compare.proto3String },
  { field: "description", effect: "update", changed: compare.proto3String },
  { field: "labels", effect: "update", changed: compare.record },
  { field: "evaluation", effect: "update", changed: evaluationChanged, compareUnset: true },
];

/** Settings recorded in place: the service root and how long to wait. */
const SETTINGS = ["baseUrl", "timeouts"] as const;

/**
 * Compares the desired inputs with the old outputs. Method, base model, source model and checkpoint, datasets (URI or content fingerprint),
 * hyperparameters, evaluation during tuning (`evaluationConfig`), service account, KMS key, project and location train a new model; display name,
 * description and labels are patched on the produced model. A job that ended without a model (failed,
 * cancelled, expired) is replaced, so fixing its cause and running `up` again trains anew; one still
 * running is resumed by `update`.
 */
export function diffVertexTunedModel(olds: Record<string, unknown>, news: CheckedVertexInputs): VertexDiff {
  const { replaces, updates } = diffFields(olds, news, FIELDS);
  const state = typeof olds.state === "string" ? olds.state : undefined;
  if (state !== undefined && isFinal({ state }) && state !== "JOB_STATE_SUCCEEDED") replaces.push("state");
  const resuming = state !== undefined && !isFinal({ state });
  return {
    changes: replaces.length > 0 || updates.length > 0 || resuming || settingsChanged(olds, news, SETTINGS),
    replaces,
    updates: (Object.keys(VERTEX_MUTABLE_FIELDS) as VertexMutableField[]).filter((field) => updates.includes(field)),
  };
}
