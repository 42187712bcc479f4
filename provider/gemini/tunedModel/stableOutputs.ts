import type { CheckResult } from "../../lifecycle/check";
import { carryStableOutputs, lookUpSignal, STABLE_OUTPUTS_KEY, stableOutputsNamed } from "../../lifecycle/stableOutputs";
import { geminiApiFor } from "../clientFor";
import type { TunedModel } from "../wire";
import { diffTunedModel } from "./diff";
import type { CheckedTunedModelInputs } from "./inputs";
import { withIdInPlace } from "./recordedId";
import { tunedModelOutputs } from "./state";

/**
 * Outputs of an ACTIVE model that an in-place update (a PATCH of display name, description, sampling
 * defaults or readers) cannot change: the service fixed them when it trained the model, or, for the
 * dataset's count and fingerprint, the provider took them from the training data, which an in-place
 * update keeps. Sampling defaults left unset are the base model's, which the PATCH does not touch. The
 * SDK shows them in the preview of such an update (see `sdk/stableOutputs.ts`); `updateTime` and
 * `evaluation`, which the update changes, stay unknown there.
 */
export const STABLE_OUTPUTS = [
  "state", "createTime", "startTime", "completeTime", "baseModel", "temperature", "topP", "topK",
  "effectiveHyperparameters", "totalSteps", "finalMeanLoss", "snapshots", "exampleCount", "datasetFingerprint",
] as const;

/** Stable outputs that are also arguments: a declared value is what the model holds after the update. */
const SAMPLING_DEFAULTS = ["temperature", "topP", "topK"] as const;

/**
 * The second step of check (see `lifecycle/stableOutputs.ts`). The look-up is one GET of the model
 * (`tunedModels/<id>`, the id as check recorded it); its outputs are computed as update computes them from
 * the model it reads back, so the preview shows what `up` leaves. Sampling defaults the inputs declare
 * are written into what is carried, so that one declared and later left unset shows the value the model
 * kept rather than the one first read.
 */
export async function withStableOutputs(olds: Record<string, unknown>, result: CheckResult): Promise<CheckResult> {
  const carrying = await carryStableOutputs(olds, result, {
    plan: (news) => diffTunedModel(recordedAsOutputs(olds), checkedForPreview(news)),
    lookUp: async (news) => {
      const inputs = checkedForPreview(news);
      const model = await geminiApiFor(inputs).getTunedModel(`tunedModels/${inputs.tunedModelId}`, lookUpSignal());
      return model === undefined ? undefined : stableOutputsOf(model, inputs);
    },
  });
  const carried = carrying.inputs[STABLE_OUTPUTS_KEY] as Record<string, unknown> | undefined;
  if (carried === undefined) return carrying;
  const declared = Object.fromEntries(SAMPLING_DEFAULTS.filter((key) => carrying.inputs[key] !== undefined).map((key) => [key, carrying.inputs[key]]));
  return { ...carrying, inputs: { ...carrying.inputs, [STABLE_OUTPUTS_KEY]: { ...carried, ...declared } } };
}

/** The stable outputs of a model, with its name; none until it is ACTIVE (an update still waits for its training). */
export function stableOutputsOf(model: TunedModel, inputs: CheckedTunedModelInputs): Record<string, unknown> | undefined {
  if (model.state !== "ACTIVE") return undefined;
  return stableOutputsNamed(model.name, STABLE_OUTPUTS, tunedModelOutputs(inputs, model));
}

/** Checked inputs with the id under `tunedModelId`; inline examples may stay packed (only their fingerprint and count are read). */
function checkedForPreview(inputs: Record<string, unknown>): CheckedTunedModelInputs {
  return withIdInPlace(inputs) as unknown as CheckedTunedModelInputs;
}

/** Recorded inputs in the shape diff reads recorded outputs in: the dataset's fingerprint sits under `datasetFingerprint` there. */
function recordedAsOutputs(olds: Record<string, unknown>): Record<string, unknown> {
  const dataset = olds.trainingData as { fingerprint?: unknown } | undefined;
  return { ...withIdInPlace(olds), datasetFingerprint: dataset?.fingerprint };
}
