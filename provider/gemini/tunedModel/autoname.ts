import { idempotencyKey } from "../../lifecycle/idempotencyKey";
import { normalizedHyperparameters, type TunedModelInputs } from "./inputs";

const SUFFIX_LENGTH = 7;
const MAX_ID_LENGTH = 40;

/**
 * The id the provider gives a model whose user set none: the resource name as a slug, a hyphen, and a
 * suffix that looks random but is the idempotency key of the stack-qualified resource name and the
 * training spec (base model, hyperparameters, dataset fingerprint).
 *
 * Deriving instead of drawing makes creates idempotent: a deploy interrupted before Pulumi recorded the
 * model computes the same id the next time, finds the job it started, and waits for it instead of
 * starting a second one. The id stays the same across in-place updates (the spec does not change) and is
 * new on every replacement (the spec changed), so the replacement can be created before the old model
 * is deleted.
 */
export function autoTunedModelId(inputs: TunedModelInputs, datasetFingerprint: string | undefined): string {
  const stackQualifiedName = inputs.autonameSeed;
  const key = idempotencyKey(stackQualifiedName, [
    inputs.baseModel ?? null,
    inputs.sourceModel ?? null,
    normalizedHyperparameters(inputs.hyperparameters),
    datasetFingerprint ?? null,
  ]);
  const suffix = BigInt(`0x${key.slice(0, 16)}`)
    .toString(36)
    .padStart(SUFFIX_LENGTH, "0")
    .slice(-SUFFIX_LENGTH);
  return `${slug(inputs.resourceName, MAX_ID_LENGTH - SUFFIX_LENGTH - 1)}-${suffix}`;
}

/** Lowercase letters, digits and single hyphens, starting with a letter, at most `max` characters. */
function slug(name: string, max: number): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const withLetter = /^[a-z]/.test(cleaned) ? cleaned : `m-${cleaned}`;
  return withLetter.slice(0, max).replace(/-+$/, "") || "model";
}
