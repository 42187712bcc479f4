import type { VertexApi } from "../api";
import { createTuningJobBody, effectiveHyperparameters } from "../converters";
import type { TuningJob } from "../wire";
import type { CheckedVertexInputs } from "./inputs";

/**
 * Takes over the tuning job `inputs.tuningJob` names (explicit adoption, as `TunedModel`'s
 * `adoptExisting`); never submits one. A job that does not exist, or whose source, method, datasets or
 * hyperparameters differ from the arguments, is refused: state would otherwise claim a spec the model
 * was not trained with. (Dataset fingerprints cannot be compared: Vertex knows only the URIs.)
 */
export async function adoptTuningJob(api: VertexApi, inputs: CheckedVertexInputs): Promise<TuningJob> {
  const name = inputs.tuningJob ?? "";
  const job = await api.getTuningJob(name);
  if (job === undefined) throw new Error(`cannot adopt ${name}: it does not exist (adoptExisting never starts a job; remove it to train a new one)`);
  const mismatches = adoptionMismatches(job, inputs);
  if (mismatches.length > 0) throw new Error(`cannot adopt ${name}: it differs from the arguments: ${mismatches.join("; ")}`);
  console.log(`${name}: adopted (${job.state ?? "state unknown"}); no new job is submitted`);
  return job;
}

function adoptionMismatches(job: TuningJob, inputs: CheckedVertexInputs): string[] {
  const wanted = createTuningJobBody(inputs, "");
  const mismatches: string[] = [];
  const differ = (what: string, found: unknown, expected: unknown) => {
    if (expected !== undefined && found !== expected) mismatches.push(`${what} is ${String(found ?? "unset")}, not ${String(expected)}`);
  };
  differ("baseModel", job.baseModel, wanted.baseModel);
  differ("sourceModel", job.preTunedModel?.tunedModelName, wanted.preTunedModel?.tunedModelName);
  differ("checkpointId", job.preTunedModel?.checkpointId, wanted.preTunedModel?.checkpointId);
  const method = job.preferenceOptimizationSpec !== undefined ? "preference" : "supervised";
  differ("method", method, inputs.method ?? "supervised");
  const spec = job.supervisedTuningSpec ?? job.preferenceOptimizationSpec;
  differ("trainingDataset.uri", spec?.trainingDatasetUri, inputs.trainingDataset.uri);
  differ("validationDataset.uri", spec?.validationDatasetUri, inputs.validationDataset?.uri);
  const actual = effectiveHyperparameters(job) ?? {};
  const { tuningMode: _mode, adapterSize: _size, ...numbers } = inputs.hyperparameters ?? {};
  for (const [key, value] of Object.entries(numbers)) {
    const found = (actual as Record<string, number | undefined>)[key];
    if (value !== undefined && Math.fround(Number(found)) !== Math.fround(Number(value))) mismatches.push(`hyperparameters.${key} is ${String(found ?? "unset")}, not ${String(value)}`);
  }
  differ("hyperparameters.adapterSize", spec?.hyperParameters?.adapterSize, inputs.hyperparameters?.adapterSize);
  // Vertex may echo the config with its defaults filled in, so only its presence is compared.
  if (inputs.evaluationConfig !== undefined && spec?.evaluationConfig === undefined) mismatches.push("evaluationConfig is unset on the job, but declared");
  return mismatches;
}
