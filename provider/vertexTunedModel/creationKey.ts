import { createHash } from "node:crypto";
import type { CheckedVertexInputs } from "./inputs";

/**
 * The value of the `pulumi-gemini-tuning` label on the jobs this resource submits: a hash of the
 * stack-qualified resource name and everything that defines the training (what diff treats as
 * replacement). Vertex picks job ids itself, so a create interrupted before Pulumi recorded the job cannot
 * find it by name; it finds it by this label instead, and waits for it rather than training twice. A
 * replacement has a different spec, hence a different key, so the new job is never mistaken for the old.
 */
export function creationKey(inputs: CheckedVertexInputs): string {
  const spec = JSON.stringify([
    inputs.autonameSeed,
    inputs.project,
    inputs.location,
    inputs.baseModel,
    inputs.trainingDataset,
    inputs.validationDataset ?? null,
    normalizedVertexHyperparameters(inputs.hyperparameters),
    inputs.exportLastCheckpointOnly ?? false,
    inputs.serviceAccount ?? null,
    inputs.kmsKeyName ?? null,
  ]);
  // Label values allow 63 characters of [a-z0-9_-]; 32 hex digits are plenty against collisions.
  return createHash("sha256").update(spec).digest("hex").slice(0, 32);
}

/** Hyperparameters in one canonical shape (keys sorted, absent ones left out), for hashing and comparing. */
export function normalizedVertexHyperparameters(h: CheckedVertexInputs["hyperparameters"]): Record<string, number | string> {
  const normalized: Record<string, number | string> = {};
  if (h?.adapterSize !== undefined) normalized.adapterSize = h.adapterSize;
  if (h?.epochCount !== undefined) normalized.epochCount = h.epochCount;
  if (h?.learningRateMultiplier !== undefined) normalized.learningRateMultiplier = h.learningRateMultiplier;
  return normalized;
}
