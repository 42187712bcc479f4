/**
 * Semantic checks of Vertex requests, per the `aiplatform` v1 protos, each yielding a BadRequest field
 * violation (snake_case proto path) so one 400 lists every problem. What the protos leave open is the
 * emulator's choice, documented at each check.
 */
import { FieldViolation } from "../errors";
import { charLength } from "../charLength";
import { parseGcsUri } from "./dataset";
import { EvaluationConfigInput, METRIC_SPECS, TuningJobInput } from "./messages";
import { isAcceptedBaseModel } from "./options";

/** `tuned_model_display_name` and `Model.display_name` limit (proto comment: up to 128 characters). */
export const MAX_VERTEX_DISPLAY_NAME = 128;
/** Labels per resource, and characters per key or value (Google Cloud label rules). */
export const MAX_LABELS = 64;
export const MAX_LABEL_CHARS = 64;

const LABEL_KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]*$/u;
const LABEL_VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]*$/u;
const KMS_KEY = /^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/;
const SERVICE_ACCOUNT = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Label rules: at most 64 labels; keys start with a lowercase letter; lowercase letters, digits, `_`, `-`. */
export function labelViolations(labels: Record<string, string> | undefined, field: string): FieldViolation[] {
  if (labels === undefined) return [];
  const v: FieldViolation[] = [];
  const entries = Object.entries(labels);
  if (entries.length > MAX_LABELS) v.push({ field, description: `At most ${MAX_LABELS} labels are allowed (got ${entries.length}).` });
  for (const [key, value] of entries) {
    if (charLength(key) > MAX_LABEL_CHARS || !LABEL_KEY.test(key)) {
      v.push({
        field: `${field}[${key}]`,
        description: `Label key "${key}" is invalid: 1-${MAX_LABEL_CHARS} characters, starting with a lowercase letter; lowercase letters, digits, "_" and "-" only.`,
      });
    }
    if (charLength(value) > MAX_LABEL_CHARS || !LABEL_VALUE.test(value)) {
      v.push({
        field: `${field}[${key}]`,
        description: `Label value "${value}" is invalid: at most ${MAX_LABEL_CHARS} characters; lowercase letters, digits, "_" and "-" only.`,
      });
    }
  }
  return v;
}

/** Display-name rule shared by jobs and models. */
export function displayNameViolations(name: string | undefined, field: string): FieldViolation[] {
  if (name === undefined || charLength(name) <= MAX_VERTEX_DISPLAY_NAME) return [];
  return [{ field, description: `${field.split(".").pop()} must be at most ${MAX_VERTEX_DISPLAY_NAME} characters (got ${charLength(name)}).` }];
}

function uriViolations(uri: string | undefined, field: string, required: boolean): FieldViolation[] {
  if (uri === undefined || uri === "") {
    return required ? [{ field, description: `${field.split(".").pop()} is required: a gs:// URI of a JSONL file.` }] : [];
  }
  return parseGcsUri(uri) ? [] : [{ field, description: `"${uri}" is not a Cloud Storage URI (gs://bucket/object).` }];
}

/**
 * Preference tuning's own rules: adapter sizes 1 to 16 (Google's guide), and `beta` a finite number > 0 (the
 * range is not published; the emulator's choice).
 */
function preferenceViolations(hp: { adapterSize?: string; beta?: number }, path: string): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (hp.adapterSize === "ADAPTER_SIZE_THIRTY_TWO") {
    v.push({ field: `${path}.adapter_size`, description: "Preference tuning supports adapter sizes 1, 2, 4, 8 and 16." });
  }
  if (hp.beta !== undefined && !(Number.isFinite(hp.beta) && hp.beta > 0)) {
    v.push({ field: `${path}.beta`, description: `beta must be greater than 0 (got ${hp.beta}).` });
  }
  return v;
}

// Any case: Google's Python SDK lowercases the names it builds (`rouge_l` -> `rougel`).
const ROUGE_TYPE = /^rouge(?:[1-9]|l|lsum)$/i;
const OUTPUT_URI_PREFIX = /^gs:\/\/[a-z0-9][a-z0-9._-]{1,221}[a-z0-9](?:\/.*)?$/;
const AUTORATER_MODEL = /^projects\/[^/]+\/locations\/[^/]+\/(?:publishers\/[^/]+\/models\/[^/]+|endpoints\/[^/]+)$/;

/**
 * `evaluation_config` rules. From the protos: `metrics` and `output_config` are required, one spec per
 * metric, prompt templates and predefined names required, pairwise metrics aggregate by MODE only,
 * `sampling_count` 1 to 32, the autorater a publisher model or an endpoint, rouge types `rouge1`-`rouge9`,
 * `rougeL`, `rougeLsum`. The emulator's choice: the output prefix must be a `gs://` bucket (and path).
 */
export function evaluationConfigViolations(config: EvaluationConfigInput, path: string): FieldViolation[] {
  const v: FieldViolation[] = [];
  const metrics = config.metrics ?? [];
  if (metrics.length === 0) v.push({ field: `${path}.metrics`, description: "metrics is required: at least one metric to evaluate." });
  metrics.forEach((metric, i) => {
    const at = `${path}.metrics[${i}]`;
    if (!METRIC_SPECS.some((spec) => metric[spec] !== undefined)) {
      v.push({ field: at, description: `Metric ${i} sets no metric spec (oneof metric_spec): one of exact_match_spec, bleu_spec, rouge_spec, pointwise_metric_spec, pairwise_metric_spec, predefined_metric_spec.` });
    }
    const prompted = metric.pointwiseMetricSpec !== undefined ? "pointwise_metric_spec" : metric.pairwiseMetricSpec !== undefined ? "pairwise_metric_spec" : undefined;
    if (prompted !== undefined && !(metric.pointwiseMetricSpec ?? metric.pairwiseMetricSpec)?.metricPromptTemplate) {
      v.push({ field: `${at}.${prompted}.metric_prompt_template`, description: "metric_prompt_template is required." });
    }
    if (metric.predefinedMetricSpec !== undefined && !metric.predefinedMetricSpec.metricSpecName) {
      v.push({ field: `${at}.predefined_metric_spec.metric_spec_name`, description: "metric_spec_name is required (e.g. text_quality_v1)." });
    }
    const rougeType = metric.rougeSpec?.rougeType;
    if (rougeType && !ROUGE_TYPE.test(rougeType)) {
      v.push({ field: `${at}.rouge_spec.rouge_type`, description: `rouge_type "${rougeType}" is not supported: rouge1 to rouge9, rougeL or rougeLsum.` });
    }
    const unsupported = (metric.aggregationMetrics ?? []).filter((a) => a !== "MODE" && a !== "AGGREGATION_METRIC_UNSPECIFIED");
    if (metric.pairwiseMetricSpec !== undefined && unsupported.length > 0) {
      v.push({ field: `${at}.aggregation_metrics`, description: `Pairwise metrics support the MODE aggregation only (got ${unsupported.join(", ")}).` });
    }
  });
  const prefix = config.outputConfig?.gcsDestination?.outputUriPrefix;
  if (!prefix) {
    v.push({ field: `${path}.output_config.gcs_destination.output_uri_prefix`, description: "output_uri_prefix is required: a gs:// directory for the evaluation results." });
  } else if (!OUTPUT_URI_PREFIX.test(prefix)) {
    v.push({ field: `${path}.output_config.gcs_destination.output_uri_prefix`, description: `"${prefix}" is not a Cloud Storage URI (gs://bucket/path).` });
  }
  const autorater = config.autoraterConfig;
  if (autorater?.samplingCount !== undefined && !(autorater.samplingCount >= 1 && autorater.samplingCount <= 32)) {
    v.push({ field: `${path}.autorater_config.sampling_count`, description: `sampling_count must be between 1 and 32 (got ${autorater.samplingCount}).` });
  }
  if (autorater?.autoraterModel && !AUTORATER_MODEL.test(autorater.autoraterModel)) {
    v.push({
      field: `${path}.autorater_config.autorater_model`,
      description: `"${autorater.autoraterModel}" is not a publisher model (projects/{p}/locations/{l}/publishers/{pub}/models/{m}) or an endpoint.`,
    });
  }
  return v;
}

/**
 * Checks a CreateTuningJob body. Choices where the protos are silent: a base model outside the accepted list
 * is a 400 (like every other invalid field); `epoch_count` must be 1..1000 (the upper bound is an emulator
 * guard); `learning_rate_multiplier` must be a finite number > 0; the service account must look like an
 * e-mail address and the KMS key like a CryptoKey name.
 */
export function tuningJobViolations(input: TuningJobInput, baseModels: readonly string[]): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (input.preTunedModel !== undefined) {
    // `source_model` is a oneof: a job starts from a base model or from a tuned one, never both.
    if (input.baseModel) v.push({ field: "tuning_job.base_model", description: "base_model and pre_tuned_model are alternatives (oneof source_model); set one." });
    if (!input.preTunedModel.tunedModelName) {
      v.push({ field: "tuning_job.pre_tuned_model.tuned_model_name", description: "tuned_model_name is required: projects/{p}/locations/{l}/models/{m}[@version]." });
    }
  } else if (!input.baseModel) {
    v.push({ field: "tuning_job.base_model", description: "base_model is required (e.g. gemini-2.5-flash)." });
  } else if (!isAcceptedBaseModel(input.baseModel, baseModels)) {
    v.push({ field: "tuning_job.base_model", description: `Base model ${input.baseModel} is not supported for tuning.` });
  }
  v.push(...displayNameViolations(input.tunedModelDisplayName, "tuning_job.tuned_model_display_name"));
  v.push(...labelViolations(input.labels, "tuning_job.labels"));
  const preference = input.preferenceOptimizationSpec;
  if (preference !== undefined && input.supervisedTuningSpec !== undefined) {
    v.push({ field: "tuning_job.preference_optimization_spec", description: "supervised_tuning_spec and preference_optimization_spec are alternatives (oneof tuning_spec); set one." });
  }
  const spec = input.supervisedTuningSpec ?? preference;
  if (spec === undefined) {
    v.push({ field: "tuning_job.supervised_tuning_spec", description: "supervised_tuning_spec is required." });
  } else {
    const path = preference !== undefined ? "tuning_job.preference_optimization_spec" : "tuning_job.supervised_tuning_spec";
    if (preference !== undefined) v.push(...preferenceViolations(preference.hyperParameters ?? {}, `${path}.hyper_parameters`));
    v.push(...uriViolations(spec.trainingDatasetUri, `${path}.training_dataset_uri`, true));
    if (spec.evaluationConfig !== undefined) v.push(...evaluationConfigViolations(spec.evaluationConfig, `${path}.evaluation_config`));
    v.push(...uriViolations(spec.validationDatasetUri, `${path}.validation_dataset_uri`, false));
    const hp = spec.hyperParameters ?? {};
    if (hp.epochCount !== undefined && !(BigInt(hp.epochCount) > 0n && BigInt(hp.epochCount) <= 1000n)) {
      v.push({
        field: `${path}.hyper_parameters.epoch_count`,
        description: `epoch_count must be between 1 and 1000 (got ${hp.epochCount}).`,
      });
    }
    const sv = hp as { learningRate?: number; batchSize?: string; learningRateMultiplier?: number };
    if (sv.learningRate !== undefined && sv.learningRateMultiplier !== undefined) {
      v.push({ field: `${path}.hyper_parameters.learning_rate`, description: "learning_rate and learning_rate_multiplier cannot both be set." });
    }
    if (sv.learningRate !== undefined && !(Number.isFinite(sv.learningRate) && sv.learningRate > 0)) {
      v.push({ field: `${path}.hyper_parameters.learning_rate`, description: `learning_rate must be greater than 0 (got ${sv.learningRate}).` });
    }
    if (sv.batchSize !== undefined && !(BigInt(sv.batchSize) > 0n)) {
      v.push({ field: `${path}.hyper_parameters.batch_size`, description: `batch_size must be greater than 0 (got ${sv.batchSize}).` });
    }
    const lrm = hp.learningRateMultiplier;
    if (lrm !== undefined && !(Number.isFinite(lrm) && lrm > 0)) {
      v.push({
        field: `${path}.hyper_parameters.learning_rate_multiplier`,
        description: `learning_rate_multiplier must be greater than 0 (got ${lrm}).`,
      });
    }
  }
  if (input.serviceAccount !== undefined && input.serviceAccount !== "" && !SERVICE_ACCOUNT.test(input.serviceAccount)) {
    v.push({ field: "tuning_job.service_account", description: `"${input.serviceAccount}" is not a service account e-mail.` });
  }
  const kms = input.encryptionSpec?.kmsKeyName;
  if (input.encryptionSpec !== undefined && !(kms && KMS_KEY.test(kms))) {
    v.push({
      field: "tuning_job.encryption_spec.kms_key_name",
      description: "kms_key_name must be projects/{p}/locations/{l}/keyRings/{r}/cryptoKeys/{k}.",
    });
  }
  return v;
}
