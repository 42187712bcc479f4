import type * as dynamic from "@pulumi/pulumi/dynamic";
import { datasetFingerprint, packedDatasetSpec, withUnpackedExamples } from "../../dataset";
import { checkInputs, type CheckResult } from "../../lifecycle/check";
import { evaluationChanged, gatePreviewLine, reevaluateServedModel } from "../../lifecycle/evaluation/gate";
import { checkedEvaluation } from "../../lifecycle/evaluation/settings";
import { replacementReason } from "../../lifecycle/diff";
import { withoutStableOutputs } from "../../lifecycle/stableOutputs";
import { operationDeadline } from "../../lifecycle/timeouts";
import { createTrainingJob, resumeTrainingJob } from "../../lifecycle/trainingJob";
import { containsUnknown } from "../../runtime/unknowns";
import { configureProvider } from "../../runtime/stackConfig";
import { geminiApiFor } from "../clientFor";
import { connectionConfigProblems } from "../connection";
import { withRotatedKeyAdvice } from "../recordedKeyAdvice";
import type { MutableTunedModelFields } from "../wire";
import { autoTunedModelId } from "./autoname";
import { diffTunedModel } from "./diff";
import { tunedModelInputsSchema, type CheckedTunedModelInputs } from "./inputs";
import { withIdInPlace, withRecordedId } from "./recordedId";
import { withStableOutputs } from "./stableOutputs";
import { mergeTunedModelOutputs, readTunedModelState } from "./state";
import { geminiTraining } from "./training";

/**
 * Validates a `TunedModel`'s inputs locally (see `lifecycle/check.ts`) and fills in the id (when
 * autonamed, under the key `recordedId.ts` explains; `olds` are the recorded inputs) and the inline
 * dataset's fingerprint and count. Inline examples come back in the form they came in, packed by the SDK
 * (see `dataset/packedExamples.ts`); the engine's other calls unpack them with {@link checkedInputs}.
 */
export function checkTunedModel(news: Record<string, unknown>, olds: Record<string, unknown> = {}): CheckResult {
  return checkInputs(news, tunedModelInputsSchema, (inputs) => {
    const problems = connectionConfigProblems(inputs);
    if (problems.length > 0) return { failures: problems };
    let trainingData = inputs.trainingData;
    if (trainingData?.kind === "inline" && !containsUnknown(trainingData.examples)) {
      trainingData = { ...trainingData, fingerprint: datasetFingerprint(trainingData.examples), exampleCount: trainingData.examples.length };
    }
    const checked = {
      ...inputs,
      trainingData,
      tunedModelId: inputs.tunedModelId ?? autoTunedModelId(inputs, trainingData?.fingerprint),
      autonamed: inputs.tunedModelId === undefined,
      evaluation: checkedEvaluation(inputs.evaluation),
    } as CheckedTunedModelInputs;
    // What the engine records and hands back to diff, create and update: examples that came packed (from
    // the SDK) stay packed; an array (0.1.0's shape) stays an array.
    if (!examplesCamePacked(news)) return { checked: withRecordedId(checked, olds) };
    return { checked: withRecordedId({ ...checked, trainingData: checked.trainingData && packedDatasetSpec(checked.trainingData) }, olds) };
  });
}

function examplesCamePacked(news: Record<string, unknown>): boolean {
  return typeof (news.trainingData as { examples?: unknown } | undefined)?.examples === "string";
}

/**
 * Checked inputs as the engine hands them back, inline examples unpacked, the id under `tunedModelId` and
 * without what only the preview needs.
 */
function checkedInputs(inputs: Record<string, unknown>): CheckedTunedModelInputs {
  return withUnpackedExamples<CheckedTunedModelInputs>(withIdInPlace(withoutStableOutputs(inputs)));
}

/**
 * In-place update: one PATCH whose `updateMask` names exactly the changed mutable fields. A model that
 * an interrupted or timed-out create left training is waited for first (this is how `up` resumes); if
 * its job fails then, the failure is recorded and the next preview proposes a replacement.
 */
async function updateTunedModel(id: string, olds: Record<string, unknown>, news: CheckedTunedModelInputs): Promise<{ outs: Record<string, unknown> }> {
  const api = geminiApiFor(news);
  let current = olds;
  if (olds.state !== "ACTIVE") current = { ...olds, ...(await resumeTrainingJob(geminiTraining(api), id, olds, news)).outs };
  const fields = diffTunedModel(current, news).updates;
  // A changed gate evaluates the serving model again, never retrains it; failing leaves state as it was.
  if (evaluationChanged(news.evaluation, current.evaluation)) current = await reevaluateServedModel(geminiTraining(api), current, news.evaluation);
  if (fields.length === 0) {
    const model = await api.getTunedModel(id);
    if (model === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\``);
    return { outs: mergeTunedModelOutputs(current, model, news) };
  }
  const patch: MutableTunedModelFields = {};
  for (const field of fields) Object.assign(patch, { [field]: news[field] });
  const model = await api.updateTunedModel(id, patch, [...fields]);
  console.log(`${id}: updated ${fields.join(", ")} in place`);
  return { outs: mergeTunedModelOutputs(current, model, news) };
}

/**
 * The `TunedModel` dynamic provider: the methods the SDK's serialized shim forwards to. The engine hands
 * back what `check` produced, so `news` is the checked inputs; recorded outputs are read through the
 * tolerant state schema.
 */
export const tunedModelProvider = {
  /** Receives the stack configuration (connection defaults). */
  configure: configureProvider,

  /**
   * Validates and normalizes inputs (see {@link checkTunedModel}), then adds what the preview of an
   * in-place update shows of the trained model (see `stableOutputs.ts`).
   */
  check: (olds: Record<string, unknown>, news: Record<string, unknown>) => withStableOutputs(olds, checkTunedModel(news, olds)),

  /** Decides replace / update / no change (see `diff.ts`). */
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const checked = checkedInputs(news);
    const { changes, replaces, deleteBeforeReplace } = diffTunedModel(olds, checked);
    if (replaces.length > 0) console.log(replacementReason(checked.resourceName, replaces));
    if (replaces.length > 0 && checked.evaluation !== undefined) console.log(gatePreviewLine(String(olds.name ?? checked.resourceName), checked.evaluation, deleteBeforeReplace));
    return { changes, replaces, deleteBeforeReplace };
  },

  /** Trains the model and waits until it is ACTIVE (see `lifecycle/trainingJob.ts`). */
  create: (inputs: Record<string, unknown>) => {
    const checked = checkedInputs(inputs);
    return createTrainingJob(geminiTraining(geminiApiFor(checked)), checked);
  },

  /**
   * Refresh: reads the model as the service has it. A model deleted outside Pulumi leaves state; a field
   * edited outside Pulumi shows in the outputs, and the next preview proposes to restore the declared
   * value. The declared inputs are left as they were, so a refresh alone causes no diff.
   */
  async read(id: string, props: Record<string, unknown> = {}) {
    const state = readTunedModelState(props);
    const model = await withRotatedKeyAdvice(() => geminiApiFor(state).getTunedModel(id));
    if (model === undefined) return { id: "", props: {} };
    return { id, props: mergeTunedModelOutputs(props, model) };
  },

  /** Patches mutable fields or resumes an unfinished create (see {@link updateTunedModel}). */
  update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => updateTunedModel(id, olds, checkedInputs(news)),

  /** Deletes the model; one that is already gone counts as deleted. */
  async delete(id: string, props: Record<string, unknown>) {
    const state = readTunedModelState(props);
    const result = await withRotatedKeyAdvice(() => geminiApiFor(state).deleteTunedModel(id, operationDeadline(state, "delete").signal));
    if (result === "absent") console.log(`${id}: already deleted`);
  },
} satisfies dynamic.ResourceProvider;
