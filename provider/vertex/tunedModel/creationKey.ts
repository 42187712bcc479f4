import { idempotencyKey } from "../../lifecycle/idempotencyKey";
import { canonicalEvaluationConfig } from "./evaluationConfig";
import { normalizedVertexHyperparameters, type CheckedVertexInputs } from "./inputs";

/**
 * The value of the `pulumi-gemini-tuning` label on the jobs this resource submits: the idempotency key
 * of the stack-qualified resource name and everything that defines the training (what diff treats as
 * replacement). Vertex picks job ids itself, so a create interrupted before Pulumi recorded the job cannot
 * find it by name; it finds it by this label instead, and waits for it rather than training twice. A
 * replacement has a different spec, hence a different key, so the new job is never mistaken for the old.
 */
export function creationKey(inputs: CheckedVertexInputs): string {
  const stackQualifiedName = inputs.autonameSeed;
  const key = idempotencyKey(stackQualifiedName, [
    inputs.project,
    inputs.location,
    inputs.baseModel,
    inputs.trainingDataset,
    inputs.validationDataset ?? null,
    normalizedVertexHyperparameters(inputs.hyperparameters),
    inputs.exportLastCheckpointOnly ?? false,
    inputs.serviceAccount ?? null,
    inputs.kmsKeyName ?? null,
    // Appended only when set, so the keys of resources made before continuous tuning existed stay the same.
    ...(inputs.sourceModel === undefined ? [] : [inputs.sourceModel, inputs.checkpointId ?? null]),
    ...(inputs.method === "preference" ? ["preference"] : []),
    // Likewise only when set: a replacement for a new evaluation must not find the old job by its label.
    ...(inputs.evaluationConfig === undefined ? [] : [canonicalEvaluationConfig(inputs.evaluationConfig)]),
  ]);
  // Label values allow 63 characters of [a-z0-9_-]; 32 hex digits are plenty against collisions.
  return key.slice(0, 32);
}
