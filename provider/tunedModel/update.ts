import type { MutableTunedModelFields } from "../gemini/wire";
import { waitAndFinish } from "./create";
import { shutdownSignal } from "../runtime/shutdownSignal";
import { diffTunedModel } from "./diff";
import { findTrainingOperation } from "./existingModel";
import type { CheckedTunedModelInputs } from "./inputs";
import { mergeTunedModelOutputs } from "./outputs";
import { geminiApiFor } from "../gemini/clientFor";

/**
 * In-place update: one PATCH whose `updateMask` names exactly the changed mutable fields. A model that
 * an interrupted or timed-out create left training is waited for first (this is how `up` resumes).
 */
export async function updateTunedModel(
  id: string,
  olds: Record<string, unknown>,
  news: CheckedTunedModelInputs,
): Promise<{ outs: Record<string, unknown> }> {
  shutdownSignal(); // see createTunedModel: an interrupted resume is reported, not lost
  const api = geminiApiFor(news);
  let current = olds;
  if (olds.state !== "ACTIVE") {
    const model = await api.getTunedModel(id);
    if (model === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to create it again`);
    console.log(`${id}: resuming the wait for its tuning job (${model.state ?? "state unknown"})`);
    const operation = typeof olds.operationName === "string" && model.state !== "ACTIVE"
      ? { name: olds.operationName }
      : await findTrainingOperation(api, model);
    current = { ...olds, ...(await waitAndFinish(api, id, news, operation)).outs };
  }

  const fields = diffTunedModel(current, news).updates;
  if (fields.length === 0) {
    const model = await api.getTunedModel(id);
    if (model === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\``);
    return { outs: mergeTunedModelOutputs(current, news, model) };
  }
  const patch: MutableTunedModelFields = {};
  for (const field of fields) Object.assign(patch, { [field]: news[field] });
  const model = await api.updateTunedModel(id, patch, [...fields]);
  console.log(`${id}: updated ${fields.join(", ")} in place`);
  return { outs: mergeTunedModelOutputs(current, news, model) };
}
