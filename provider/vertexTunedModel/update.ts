import { shutdownSignal } from "../runtime/shutdownSignal";
import type { MutableVertexModelFields } from "../vertex/api";
import { FINAL_JOB_STATES } from "../vertex/wire";
import { vertexContext } from "../vertex/clientFor";
import { finishVertexJob } from "./create";
import { diffVertexTunedModel } from "./diff";
import { creationKey } from "./creationKey";
import { CREATION_LABEL, type CheckedVertexInputs, type VertexMutableField } from "./inputs";
import { mergeVertexOutputs } from "./outputs";

/** Where each managed field lives on the Vertex `Model`. */
const MODEL_FIELD: Record<VertexMutableField, keyof MutableVertexModelFields> = {
  tunedModelDisplayName: "displayName",
  description: "description",
  labels: "labels",
};

/**
 * In-place update of the produced model: one PATCH whose `updateMask` names exactly the changed fields.
 * A job that an interrupted or timed-out create left training is waited for first (this is how `up`
 * resumes).
 */
export async function updateVertexTunedModel(id: string, olds: Record<string, unknown>, news: CheckedVertexInputs): Promise<{ outs: Record<string, unknown> }> {
  shutdownSignal(); // see createVertexTunedModel: an interrupted resume is reported, not lost
  const { api } = vertexContext(news);
  let current = olds;
  if (!FINAL_JOB_STATES.has(String(olds.state))) {
    const job = await api.getTuningJob(id);
    if (job === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to train it again`);
    console.log(`${id}: resuming the wait for the tuning job (${job.state ?? "state unknown"})`);
    current = { ...olds, ...(await finishVertexJob(api, news, job, { recordFailure: true })).outs };
  }

  const modelName = current.model as string | undefined;
  const fields = diffVertexTunedModel(current, news).updates;
  if (fields.length > 0) {
    if (modelName === undefined) throw new Error(`${id} reports no model to update; run \`pulumi refresh\``);
    const patch: MutableVertexModelFields = {};
    for (const field of fields) Object.assign(patch, { [MODEL_FIELD[field]]: news[field] });
    // Labels are replaced as a whole: keep the provider's own, which the model has from its job.
    if (patch.labels !== undefined) patch.labels = { ...patch.labels, [CREATION_LABEL]: creationKey(news) };
    await api.updateModel(modelName, patch, fields.map((field) => MODEL_FIELD[field]));
    console.log(`${modelName}: updated ${fields.join(", ")} in place`);
  }
  const job = await api.getTuningJob(id);
  if (job === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\``);
  const model = modelName === undefined ? undefined : await api.getModel(modelName);
  return { outs: mergeVertexOutputs(current, news, job, model) };
}
