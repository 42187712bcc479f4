import { idempotencyKey } from "../../lifecycle/idempotencyKey";
import type { TunedModel } from "../wire";
import type { CheckedTunedModelInputs } from "./inputs";

/**
 * The proof that a model with a user-chosen id was created by this very resource of this very stack.
 *
 * A create that gets 409 ALREADY_EXISTS may be an earlier attempt of its own whose answer was lost, or
 * that a killed deploy never recorded; but the id may just as well belong to a model of another stack or
 * project that chose the same `tunedModelId`. The Gemini API has no labels, no request id and nothing on
 * the operation a caller can set; of a model's writable fields only `description` can carry the proof
 * without changing the training. So the create request appends a marker, the idempotency key of the
 * stack-qualified resource name and the id, to the description: it is in the model from the moment the
 * service accepts the create, so it survives every interruption, and no other stack computes the same
 * key. Once the model is ACTIVE the marker is removed again (the description is set back to the declared
 * one), and every value read back from the service has it stripped, so it never shows in outputs or as
 * drift. Autonamed ids need no marker: the id itself is derived from the stack-qualified name.
 */
const MARKER = /\s*\[pulumi-gemini-tuning create ([0-9a-f]{32})\]$/;

/** This resource's marker text. */
function markerOf(inputs: Pick<CheckedTunedModelInputs, "autonameSeed" | "tunedModelId">): string {
  return `[pulumi-gemini-tuning create ${idempotencyKey(inputs.autonameSeed, [inputs.tunedModelId]).slice(0, 32)}]`;
}

/** The description a create sends: the declared one followed by this resource's marker. */
export function describedWithMarker(inputs: CheckedTunedModelInputs): string {
  return inputs.description ? `${inputs.description}\n\n${markerOf(inputs)}` : markerOf(inputs);
}

/** Whether the model carries this resource's marker, i.e. this resource's create made it. */
export function carriesOwnMarker(model: Pick<TunedModel, "description">, inputs: CheckedTunedModelInputs): boolean {
  return model.description?.match(MARKER)?.[0].trim() === markerOf(inputs);
}

/** Whether a description still holds a marker (of any resource). */
export function hasMarker(description: string | undefined): boolean {
  return description !== undefined && MARKER.test(description);
}

/** A description as the user sees it: without a marker; undefined when nothing else is left. */
export function withoutMarker(description: string | undefined): string | undefined {
  if (description === undefined) return undefined;
  const stripped = description.replace(MARKER, "");
  return stripped === "" ? undefined : stripped;
}
