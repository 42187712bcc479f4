import { z } from "zod";
import { evaluationSchema, type CheckedEvaluation } from "../../lifecycle/evaluation/settings";
import { serviceRootSchema } from "../../lifecycle/serviceRoot";
import { timeoutsSchema } from "../../lifecycle/timeouts";
import { positiveDouble, positiveInt64 } from "../../lifecycle/wireNumbers";
import { ADAPTER_SIZES } from "../wire";
import { evaluationConfigSchema } from "./evaluationConfig";

/** Label key the provider puts on every job it submits (see `creationKey.ts`); reserved for that use. */
export const CREATION_LABEL = "pulumi-gemini-tuning";

const ADAPTER_SIZE_NAMES = Object.values(ADAPTER_SIZES);

// Reasons do not repeat the property: the engine prints "property <path> value {...} has a problem: <reason>".
const adapterSize = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === "number" ? ADAPTER_SIZES[value] : value))
  .pipe(z.enum(ADAPTER_SIZE_NAMES as [string, ...string[]], { error: "must be 1, 2, 4, 8, 16 or 32 (or its ADAPTER_SIZE_* name)" }));

/** `SupervisedTuningSpec.tuningMode` (v1beta1): full fine-tuning or a parameter-efficient adapter. */
const TUNING_MODES = ["TUNING_MODE_FULL", "TUNING_MODE_PEFT_ADAPTER"] as const;

/** Hyperparameters only v1beta1 declares, and only for supervised tuning (docs/vertex-ai.md#tuning-in-2026). */
export const V1BETA1_HYPERPARAMETERS = ["learningRate", "batchSize", "tuningMode"] as const;

const hyperparametersSchema = z.object({
  // Wire types (docs/vertex-ai.md#hyperparameters-and-adapter-sizes): epochCount and batchSize int64,
  // the multiplier, the learning rate and beta doubles.
  epochCount: positiveInt64().optional(),
  learningRateMultiplier: positiveDouble().optional(),
  adapterSize: adapterSize.optional(),
  beta: positiveDouble().optional(),
  learningRate: positiveDouble().optional(),
  batchSize: positiveInt64().optional(),
  tuningMode: z.enum(TUNING_MODES, { error: `must be ${TUNING_MODES.map((m) => `"${m}"`).join(" or ")}` }).optional(),
});

/** Tuning methods: supervised (input -> answer pairs) and preference (DPO: a preferred and a dispreferred completion). */
export const TUNING_METHODS = ["supervised", "preference"] as const;

/** One of {@link TUNING_METHODS}. */
export type TuningMethod = (typeof TUNING_METHODS)[number];

const datasetSchema = z.object(
  {
    uri: z.string({ error: "must be a gs:// URI" }).regex(/^gs:\/\/[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]\/.+$/, 'must be a Cloud Storage URI such as "gs://bucket/data.jsonl"'),
    fingerprint: z
      .string({ error: "is required: a content hash of the file, e.g. a BucketObject's md5hash (VertexDataset.fromBucketObject)" })
      .min(1, "must not be empty"),
  },
  { error: "must be { uri, fingerprint }, e.g. VertexDataset.fromBucketObject(object)" },
);

// Keys and values of at most 64 characters (code points) (docs/vertex-ai.md#tuning-jobs).
const labelPart = /^[\p{Ll}\p{Lo}0-9_-]{0,64}$/u;
const labelsSchema = z
  .record(z.string(), z.string({ error: "label values must be strings" }))
  .superRefine((labels, ctx) => {
    const keys = Object.keys(labels);
    if (keys.length > 64) ctx.addIssue({ code: "custom", message: "at most 64 labels" });
    for (const [key, value] of Object.entries(labels)) {
      if (key === CREATION_LABEL) ctx.addIssue({ code: "custom", path: [key], message: `the label ${CREATION_LABEL} is reserved for the provider` });
      else if (!/^\p{Ll}/u.test(key) || !labelPart.test(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: "label keys must start with a lowercase letter and use at most 64 lowercase letters, digits, - and _" });
      }
      if (!labelPart.test(value)) ctx.addIssue({ code: "custom", path: [key], message: "label values use at most 64 lowercase letters, digits, - and _" });
    }
  });

/** A Model Registry model, optionally with a version id or alias: what continuous tuning starts from. */
const TUNED_MODEL_NAME = /^projects\/[^/]+\/locations\/[a-z][a-z0-9-]*\/models\/[^/@\s]+(?:@[A-Za-z0-9_-]+)?$/;

/** `publishers/google/models/x` and its project-qualified form name the same base model as `x`. */
function shortBaseModel(name: string): string {
  return /^(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/google\/models\/([^/]+)$/.exec(name)?.[1] ?? name;
}

/**
 * The validated, normalized inputs of a `VertexTunedModel`. The SDK sends `resourceName` and
 * `autonameSeed` (the stack-qualified name, project/stack/name; the key keeps its 0.1.0 spelling because
 * state holds it) so that the provider can recognise a job an interrupted deploy submitted.
 */
export const vertexTunedModelInputsSchema = z.object({
  resourceName: z.string().min(1),
  autonameSeed: z.string().min(1),
  project: z
    .string()
    .regex(/^(?:(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]{4,28}[a-z0-9]|\d+)$/, "must be a Google Cloud project id (6-30 lowercase letters, digits and hyphens) or number")
    .optional(),
  location: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a region such as "us-central1"').optional(),
  baseUrl: serviceRootSchema().optional(),
  baseModel: z
    .string({ error: 'must be the name of a model to tune, e.g. "gemini-2.5-flash"' })
    .transform(shortBaseModel)
    .pipe(z.string().regex(/^[a-z0-9][a-z0-9.@_-]*$/, 'must name a base model such as "gemini-2.5-flash"'))
    .optional(),
  sourceModel: z
    .string({ error: "must be the name of a tuned model" })
    .regex(TUNED_MODEL_NAME, "must name a tuned model as projects/{p}/locations/{l}/models/{m}[@version], e.g. another VertexTunedModel's model output")
    .optional(),
  checkpointId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a checkpoint id of the source model, e.g. "2"').optional(),
  tunedModelDisplayName: z
    .string()
    .min(1, "must not be empty")
    .refine((value) => [...value].length <= 128, { message: "must be at most 128 characters (the API's limit)" })
    .optional(),
  description: z.string().optional(),
  labels: labelsSchema.optional(),
  trainingDataset: datasetSchema,
  validationDataset: datasetSchema.optional(),
  method: z.enum(TUNING_METHODS, { error: 'must be "supervised" or "preference"' }).optional(),
  hyperparameters: hyperparametersSchema.optional(),
  exportLastCheckpointOnly: z.boolean().optional(),
  evaluationConfig: evaluationConfigSchema.optional(),
  serviceAccount: z.email("must be a service account email address").optional(),
  kmsKeyName: z
    .string()
    .regex(/^projects\/[^/]+\/locations\/[^/]+\/keyRings\/[^/]+\/cryptoKeys\/[^/]+$/, "must be projects/{p}/locations/{l}/keyRings/{r}/cryptoKeys/{k}")
    .optional(),
  tuningJob: z.string().regex(/^projects\/[^/]+\/locations\/[^/]+\/tuningJobs\/\d+$/, "must name a tuning job, projects/{p}/locations/{l}/tuningJobs/{id}").optional(),
  adoptExisting: z.boolean().optional(),
  timeouts: timeoutsSchema,
  evaluation: evaluationSchema.optional(),
});

/** Inputs after validation. */
export type VertexTunedModelInputs = z.output<typeof vertexTunedModelInputsSchema>;

/** Inputs after check: project and location resolved (they are part of the job's name). */
export type CheckedVertexInputs = Omit<VertexTunedModelInputs, "evaluation"> & { project: string; location: string; evaluation?: CheckedEvaluation };

/** Adapter sizes preference tuning takes (Google's guide: 1 to 16). */
const PREFERENCE_ADAPTER_SIZES = new Set(["ADAPTER_SIZE_ONE", "ADAPTER_SIZE_TWO", "ADAPTER_SIZE_FOUR", "ADAPTER_SIZE_EIGHT", "ADAPTER_SIZE_SIXTEEN"]);

/**
 * Hyperparameter combinations Vertex refuses, known before anything is sent: `beta` belongs to preference
 * tuning, which takes adapter sizes 1 to 16 only and none of `learningRate`, `batchSize`, `tuningMode`;
 * `learningRate` excludes `learningRateMultiplier`. Returns the problems as property paths and reasons.
 */
export function methodProblems(inputs: Pick<VertexTunedModelInputs, "method" | "hyperparameters">): Array<{ property: string; reason: string }> {
  const h = inputs.hyperparameters;
  const problems: Array<{ property: string; reason: string }> = [];
  if (h?.learningRate !== undefined && h.learningRateMultiplier !== undefined) {
    problems.push({ property: "hyperparameters.learningRate", reason: "cannot be set together with learningRateMultiplier: Vertex takes one or the other" });
  }
  if ((inputs.method ?? "supervised") === "supervised") {
    if (h?.beta !== undefined) problems.push({ property: "hyperparameters.beta", reason: 'is a preference tuning hyperparameter: set method: "preference", or remove it' });
    return problems;
  }
  if (h?.adapterSize !== undefined && !PREFERENCE_ADAPTER_SIZES.has(h.adapterSize)) {
    problems.push({ property: "hyperparameters.adapterSize", reason: "must be 1, 2, 4, 8 or 16 for preference tuning" });
  }
  for (const key of V1BETA1_HYPERPARAMETERS) {
    if (h?.[key] !== undefined) problems.push({ property: `hyperparameters.${key}`, reason: "is a supervised tuning setting; preference tuning does not take it" });
  }
  return problems;
}

/** `adoptExisting` needs the job to adopt, named by `tuningJob` (Vertex picks job ids, so there is no default). */
export function adoptionProblems(inputs: Pick<VertexTunedModelInputs, "adoptExisting" | "tuningJob">): Array<{ property: string; reason: string }> {
  if (inputs.adoptExisting && inputs.tuningJob === undefined) return [{ property: "tuningJob", reason: "is required with adoptExisting: the name of the tuning job to take over" }];
  if (!inputs.adoptExisting && inputs.tuningJob !== undefined) return [{ property: "adoptExisting", reason: "must be true to take over tuningJob (it never starts a job)" }];
  return [];
}

/**
 * Where the training starts: a base model, or a tuned model (and optionally one of its checkpoints) for
 * continuous tuning. Exactly one of `baseModel` and `sourceModel`; `checkpointId` only with `sourceModel`.
 * Returns the problems as property paths and reasons.
 */
export function sourceProblems(inputs: Pick<VertexTunedModelInputs, "baseModel" | "sourceModel" | "checkpointId">): Array<{ property: string; reason: string }> {
  if (inputs.baseModel !== undefined && inputs.sourceModel !== undefined) {
    return [{ property: "sourceModel", reason: "cannot be set together with baseModel: a model is tuned from a base model or from a tuned model, not both" }];
  }
  if (inputs.baseModel === undefined && inputs.sourceModel === undefined) {
    return [{ property: "baseModel", reason: 'is required (or sourceModel, to continue tuning a tuned model): the model to tune, e.g. "gemini-2.5-flash"' }];
  }
  if (inputs.checkpointId !== undefined && inputs.sourceModel === undefined) {
    return [{ property: "checkpointId", reason: "needs sourceModel: it names a checkpoint of the tuned model to continue from" }];
  }
  return [];
}

/**
 * The fields of the produced model that are updated in place, each with its name on the Vertex `Model`
 * (the update mask's vocabulary): the one list of them.
 */
export const VERTEX_MUTABLE_FIELDS = { tunedModelDisplayName: "displayName", description: "description", labels: "labels" } as const;

/** One of {@link VERTEX_MUTABLE_FIELDS}. */
export type VertexMutableField = keyof typeof VERTEX_MUTABLE_FIELDS;

/** Hyperparameters in one canonical shape (keys sorted, absent ones left out), for hashing and comparing. */
export function normalizedVertexHyperparameters(h: CheckedVertexInputs["hyperparameters"]): Record<string, number | string> {
  const normalized: Record<string, number | string> = {};
  if (h?.adapterSize !== undefined) normalized.adapterSize = h.adapterSize;
  if (h?.epochCount !== undefined) normalized.epochCount = h.epochCount;
  if (h?.learningRateMultiplier !== undefined) normalized.learningRateMultiplier = h.learningRateMultiplier;
  if (h?.beta !== undefined) normalized.beta = h.beta;
  for (const key of V1BETA1_HYPERPARAMETERS) if (h?.[key] !== undefined) normalized[key] = h[key];
  return normalized;
}
