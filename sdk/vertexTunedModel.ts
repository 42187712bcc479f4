import * as pulumi from "@pulumi/pulumi";
import type { AGGREGATION_METRICS } from "../provider/vertex/tunedModel/evaluationConfig";
import type { VertexTunedModelState } from "../provider/vertex/tunedModel/state";
import type { STABLE_OUTPUTS, STABLE_OUTPUTS_KEY } from "../provider/vertex/tunedModel/stableOutputs";
import { DynamicResource, stackQualifiedName, type OptionalOutput, type RecordedOutput } from "./dynamicResource";
import { evaluationInput, type EvaluationArgs } from "./evaluation";
import type { TimeoutsArgs } from "./timeouts";
import { serviceRootInput } from "./connectionArgs";
import { stableAtPreview } from "./stableOutputs";

/**
 * The outputs the preview of an in-place update takes from what check carried. Spelled out here so that
 * the program loads no provider code for it; the type makes it the provider's list exactly.
 */
const STABLE: typeof STABLE_OUTPUTS = ["model", "endpoint", "checkpoints", "tuningDataStats", "effectiveHyperparameters", "originalBaseModel", "state", "createTime", "startTime", "endTime", "evaluateDatasetRuns"];
const CARRIED: typeof STABLE_OUTPUTS_KEY = "__stableOutputs";

/** A dataset in Cloud Storage: where it is and what it contains. */
export interface VertexDatasetArgs {
  /** `gs://bucket/object` of a Vertex tuning JSONL file. */
  uri: pulumi.Input<string>;
  /**
   * A hash of the file's content (e.g. `md5:` + a BucketObject's `md5hash`), so that new data at the same URI
   * is a visible change that trains a new model. `VertexDataset.fromBucketObject` fills in both fields.
   */
  fingerprint: pulumi.Input<string>;
}

/** Vertex AI tuning hyperparameters. Changing any of them trains a new model (replacement). */
export interface VertexHyperparametersArgs {
  /** Passes over the training data. Default chosen by Vertex. */
  epochCount?: pulumi.Input<number>;
  /** Multiplier of Vertex's recommended learning rate. */
  learningRateMultiplier?: pulumi.Input<number>;
  /** LoRA adapter size: 1, 2, 4, 8, 16 or 32 (which the base model supports varies). */
  adapterSize?: pulumi.Input<number | string>;
  /** Preference tuning only: how closely the tuned model stays to its starting point (greater than 0). */
  beta?: pulumi.Input<number>;
  /** Supervised only (sent on v1beta1; Vertex documents it for open models): the learning rate itself, instead of `learningRateMultiplier`. */
  learningRate?: pulumi.Input<number>;
  /** Supervised only (v1beta1; documented for open models): examples per step. */
  batchSize?: pulumi.Input<number>;
  /** Supervised only (v1beta1): `TUNING_MODE_FULL` or `TUNING_MODE_PEFT_ADAPTER`; which a model takes depends on it. */
  tuningMode?: pulumi.Input<"TUNING_MODE_FULL" | "TUNING_MODE_PEFT_ADAPTER">;
}

/** `Metric.AggregationMetric`: how a metric's per-example scores are aggregated, e.g. `AVERAGE`, `MODE`, `PERCENTILE_P90`. */
export type VertexAggregationMetric = (typeof AGGREGATION_METRICS)[number];

/**
 * One metric of {@link VertexEvaluationConfigArgs}, as Vertex's `Metric` takes it: the aggregations to report
 * and exactly one spec.
 */
export interface VertexEvaluationMetricArgs {
  /** Aggregations to report (Vertex's default when unset). A pairwise metric takes `MODE` only. */
  aggregationMetrics?: pulumi.Input<pulumi.Input<VertexAggregationMetric>[]>;
  /** Exact match against the reference answer: `{}`. */
  exactMatchSpec?: pulumi.Input<Record<string, never>>;
  /** BLEU against the reference answer. */
  bleuSpec?: pulumi.Input<{ useEffectiveOrder?: pulumi.Input<boolean> }>;
  /** ROUGE against the reference answer; `rougeType` is `rouge1` to `rouge9`, `rougeL` or `rougeLsum`. */
  rougeSpec?: pulumi.Input<{ rougeType?: pulumi.Input<string>; useStemmer?: pulumi.Input<boolean>; splitSummaries?: pulumi.Input<boolean> }>;
  /** A judge model rates each answer with this prompt template. */
  pointwiseMetricSpec?: pulumi.Input<{ metricPromptTemplate: pulumi.Input<string>; systemInstruction?: pulumi.Input<string> }>;
  /** A judge model compares each answer with a baseline's. */
  pairwiseMetricSpec?: pulumi.Input<{
    metricPromptTemplate: pulumi.Input<string>;
    candidateResponseFieldName?: pulumi.Input<string>;
    baselineResponseFieldName?: pulumi.Input<string>;
    systemInstruction?: pulumi.Input<string>;
  }>;
  /** One of Vertex's predefined metrics, e.g. `{ metricSpecName: "text_quality_v1" }`. */
  predefinedMetricSpec?: pulumi.Input<{ metricSpecName: pulumi.Input<string> }>;
}

/**
 * Vertex AI's evaluation during tuning (`EvaluationConfig`, sent in the tuning spec): Vertex evaluates
 * each checkpoint with these metrics while the job trains, writes the results under `outputUriPrefix` and
 * reports them in the `evaluateDatasetRuns` output. Not to be confused with `evaluation`, the provider's
 * quality gate, which decides whether a new model may replace the serving one; this only reports.
 */
export interface VertexEvaluationConfigArgs {
  /** The metrics (at least one). */
  metrics: pulumi.Input<pulumi.Input<VertexEvaluationMetricArgs>[]>;
  /** Where Vertex writes the results: `{ gcsDestination: { outputUriPrefix: "gs://bucket/folder/" } }`. */
  outputConfig: pulumi.Input<{ gcsDestination: pulumi.Input<{ outputUriPrefix: pulumi.Input<string> }> }>;
  /** The judge model of pointwise and pairwise metrics: samples per example (1 to 32), order flipping, the model. */
  autoraterConfig?: pulumi.Input<{ samplingCount?: pulumi.Input<number>; flipEnabled?: pulumi.Input<boolean>; autoraterModel?: pulumi.Input<string> }>;
}

/** Arguments of a {@link VertexTunedModel}. */
export interface VertexTunedModelArgs {
  /** Google Cloud project id. Default: `gcp:project` stack config, then `GOOGLE_CLOUD_PROJECT`. Changing it replaces. */
  project?: pulumi.Input<string>;
  /** Region, e.g. `us-central1`. Default: `gcp:region` stack config, then `GOOGLE_CLOUD_LOCATION`. Changing it replaces. */
  location?: pulumi.Input<string>;
  /**
   * Service root override, e.g. the emulator's URL. Default: `gemini:vertexBaseUrl` stack config, then
   * `GOOGLE_VERTEX_BASE_URL`, then `https://{location}-aiplatform.googleapis.com`.
   */
  baseUrl?: pulumi.Input<string>;
  /**
   * The base model to tune, e.g. `gemini-2.5-flash` (tunable models change often; see Vertex AI's list).
   * Exactly one of this and `sourceModel`. Changing it replaces.
   */
  baseModel?: pulumi.Input<string>;
  /**
   * Continuous tuning: the tuned model to keep training, `projects/{p}/locations/{l}/models/{m}[@version]`,
   * e.g. another `VertexTunedModel`'s `model` output. The new model is the next version of that model
   * (unless `tunedModelDisplayName` differs from the source's, which starts a model of its own). Exactly
   * one of this and `baseModel`. Changing it replaces.
   */
  sourceModel?: pulumi.Input<string>;
  /** With `sourceModel`: the checkpoint to continue from (default: the source's default checkpoint). Changing it replaces. */
  checkpointId?: pulumi.Input<string>;
  /** Display name of the tuned model, at most 128 characters. Updated in place. */
  tunedModelDisplayName?: pulumi.Input<string>;
  /** Description. Updated in place on the model. */
  description?: pulumi.Input<string>;
  /** Labels of the job and model. Updated in place on the model. */
  labels?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Training data: a Vertex JSONL file in Cloud Storage. */
  trainingDataset: pulumi.Input<VertexDatasetArgs>;
  /** Validation data, same form. */
  validationDataset?: pulumi.Input<VertexDatasetArgs>;
  /**
   * How the model learns: `supervised` (default) from input -> answer examples, or `preference` (DPO) from
   * examples pairing a prompt with a preferred and a dispreferred completion (`PreferenceDataset` converted
   * with `VertexDataset.preferenceJsonlAsset`). Each method takes its own hyperparameters (`beta` is
   * preference tuning's; it takes adapter sizes up to 16), checked at preview. Changing it replaces.
   */
  method?: "supervised" | "preference";
  /** Hyperparameters. */
  hyperparameters?: pulumi.Input<VertexHyperparametersArgs>;
  /** Export only the last checkpoint instead of one per epoch. */
  exportLastCheckpointOnly?: pulumi.Input<boolean>;
  /**
   * Evaluation during tuning, run by Vertex on every checkpoint (see {@link VertexEvaluationConfigArgs});
   * results in `evaluateDatasetRuns`. Part of the job's spec: changing it replaces. Distinct from `evaluation`.
   */
  evaluationConfig?: pulumi.Input<VertexEvaluationConfigArgs>;
  /** Service account the job runs as (needs read access to the datasets). */
  serviceAccount?: pulumi.Input<string>;
  /** Cloud KMS key (`projects/.../cryptoKeys/...`) encrypting the job and the model. */
  kmsKeyName?: pulumi.Input<string>;
  /**
   * Take over the tuning job `tuningJob` names instead of training (parity with `TunedModel`'s
   * `adoptExisting`): never starts a job; fails if the job does not exist or its source, method, dataset
   * URIs or hyperparameters differ from these arguments.
   */
  adoptExisting?: boolean;
  /** With `adoptExisting`: the job to take over, `projects/{p}/locations/{l}/tuningJobs/{id}`. Changing it replaces. */
  tuningJob?: pulumi.Input<string>;
  /** Provider-enforced deadlines (the dynamic-provider host ignores `customTimeouts`). */
  timeouts?: TimeoutsArgs;
  /**
   * A quality gate the trained model must pass before it replaces the serving one (see {@link EvaluationArgs}).
   * The provider runs it; Vertex's own evaluation during tuning is `evaluationConfig`.
   */
  evaluation?: EvaluationArgs;
}

/** A checkpoint the job exported: id, epoch, step and the endpoint serving it, when deployed. */
export type VertexCheckpoint = NonNullable<VertexTunedModelState["checkpoints"]>[number];

/** One evaluation run of the job (per checkpoint): its names, the flat metric summary, the results folder, an error. */
export type VertexEvaluateDatasetRun = NonNullable<VertexTunedModelState["evaluateDatasetRuns"]>[number];

/** What Vertex counted in the training data: examples, billed tokens, steps. */
export type VertexTuningStats = NonNullable<VertexTunedModelState["tuningDataStats"]>;

/**
 * A Gemini model tuned on Vertex AI. `pulumi up` submits a supervised tuning job and waits until it
 * succeeded; Vertex then serves the tuned model on an endpoint. It tunes a base model or, for continuous
 * tuning, keeps training a tuned model (`sourceModel`). Changes to the base or source model, datasets (URI or
 * content), hyperparameters, evaluation during tuning (`evaluationConfig`), service account or KMS key train
 * a new model (replacement); changes to the
 * display name, description or labels are applied to the model in place; `pulumi refresh` notices edits
 * and deletions made outside Pulumi; `pulumi destroy` cancels a running job, or undeploys the model and
 * deletes its endpoint and the model. Credentials come from Application Default Credentials.
 */
export class VertexTunedModel extends DynamicResource {
  /** The tuning job, `projects/{p}/locations/{l}/tuningJobs/{id}`: the resource id, so known in the preview of an in-place update. */
  declare readonly name: RecordedOutput<VertexTunedModelState, "name">;
  /** The job's state, e.g. `JOB_STATE_SUCCEEDED`. */
  declare readonly state: RecordedOutput<VertexTunedModelState, "state">;
  /** The tuned model, `projects/{p}/locations/{l}/models/{id}`. Known in the preview of an in-place update (README, What a reviewer sees in the preview). */
  declare readonly model: RecordedOutput<VertexTunedModelState, "model">;
  /** The endpoint serving it, `projects/{p}/locations/{l}/endpoints/{id}`: call `generateContent` there. Known in the preview of an in-place update. */
  declare readonly endpoint: RecordedOutput<VertexTunedModelState, "endpoint">;
  /** Checkpoints the job exported. */
  declare readonly checkpoints: OptionalOutput<VertexTunedModelState, "checkpoints">;
  /**
   * With `evaluationConfig`: Vertex's evaluation of each checkpoint, `{checkpointId, evaluationRun,
   * operationName, metrics, outputDirectory, error}`; `metrics` names each score by the metric's kind and the
   * aggregation, e.g. `{ bleuAverage: 0.7, exactMatchStandardDeviation: 0.05 }`.
   */
  declare readonly evaluateDatasetRuns: OptionalOutput<VertexTunedModelState, "evaluateDatasetRuns">;
  /** Example, token and step counts. */
  declare readonly tuningDataStats: OptionalOutput<VertexTunedModelState, "tuningDataStats">;
  /**
   * With `sourceModel`: the base model the tuning chain started from, as Vertex reports it. Absent when the
   * resource tunes `baseModel` itself, which is then the origin.
   */
  declare readonly originalBaseModel: OptionalOutput<VertexTunedModelState, "originalBaseModel">;
  /** Hyperparameters as the job reports them (`epochCount`, `learningRateMultiplier`, `adapterSize`). */
  declare readonly effectiveHyperparameters: OptionalOutput<VertexTunedModelState, "effectiveHyperparameters">;
  /** Project the job runs in. */
  declare readonly project: RecordedOutput<VertexTunedModelState, "project">;
  /** Region the job runs in. */
  declare readonly location: RecordedOutput<VertexTunedModelState, "location">;
  /** Display name as the model has it. */
  declare readonly tunedModelDisplayName: OptionalOutput<VertexTunedModelState, "tunedModelDisplayName">;
  /** Description as the model has it. */
  declare readonly description: OptionalOutput<VertexTunedModelState, "description">;
  /** Labels as the model has them (without the provider's own `pulumi-gemini-tuning`). */
  declare readonly labels: OptionalOutput<VertexTunedModelState, "labels">;
  /** When the job was created (RFC 3339). */
  declare readonly createTime: RecordedOutput<VertexTunedModelState, "createTime">;
  /** When it started running. */
  declare readonly startTime: OptionalOutput<VertexTunedModelState, "startTime">;
  /** When it ended. */
  declare readonly endTime: OptionalOutput<VertexTunedModelState, "endTime">;
  /** When it last changed. */
  declare readonly updateTime: RecordedOutput<VertexTunedModelState, "updateTime">;
  /** The job's error (gRPC `code` and `message`) when it failed. */
  declare readonly error: OptionalOutput<VertexTunedModelState, "error">;

  /** The quality gate's last result: each metric's score, the example count, whether it passed, up to five failing examples. */
  declare readonly evaluation: OptionalOutput<VertexTunedModelState, "evaluation">;

  /**
   * Declares a model tuned on Vertex AI.
   * @param name The resource name.
   * @param args What to train and how.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: VertexTunedModelArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      state: undefined, model: undefined, endpoint: undefined, checkpoints: undefined, tuningDataStats: undefined,
      effectiveHyperparameters: undefined, createTime: undefined, startTime: undefined, endTime: undefined, updateTime: undefined,
      error: undefined, originalBaseModel: undefined, evaluateDatasetRuns: undefined, [CARRIED]: undefined,
    };
    super(
      "vertexTunedModel",
      "VertexTunedModel",
      name,
      {
        ...outputs,
        resourceName: name,
        autonameSeed: stackQualifiedName(name),
        project: args.project,
        location: args.location,
        baseUrl: serviceRootInput(args.baseUrl),
        baseModel: args.baseModel,
        sourceModel: args.sourceModel,
        checkpointId: args.checkpointId,
        tunedModelDisplayName: args.tunedModelDisplayName,
        description: args.description,
        labels: args.labels,
        trainingDataset: args.trainingDataset,
        validationDataset: args.validationDataset,
        method: args.method,
        hyperparameters: args.hyperparameters,
        exportLastCheckpointOnly: args.exportLastCheckpointOnly,
        evaluationConfig: args.evaluationConfig,
        serviceAccount: args.serviceAccount,
        kmsKeyName: args.kmsKeyName,
        adoptExisting: args.adoptExisting,
        tuningJob: args.tuningJob,
        timeouts: args.timeouts,
        evaluation: evaluationInput(args.evaluation),
      },
      opts,
    );
    this.name = this.nameFromId();
    const carried = (this as unknown as Record<typeof CARRIED, pulumi.Output<Record<string, unknown> | undefined>>)[CARRIED];
    for (const key of STABLE) Object.assign(this, { [key]: stableAtPreview(this.id, this[key] as pulumi.Output<unknown>, carried, key) });
  }
}
