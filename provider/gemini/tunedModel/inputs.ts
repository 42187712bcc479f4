import { z } from "zod";
import { apiKeySchema } from "../connection";
import { datasetSchema } from "../../lifecycle/datasetSchema";
import { serviceRootSchema } from "../../lifecycle/serviceRoot";
import type { DatasetSpec } from "../../dataset";
import type { CheckedEvaluation } from "../../lifecycle/evaluation/settings";
import { evaluationSchema } from "../../lifecycle/evaluation/settings";
import { timeoutsSchema } from "../../lifecycle/timeouts";
import { fitsInt64, positiveFloat32, positiveInt32 } from "../../lifecycle/wireNumbers";

/** The API's rule for tuned model ids (docs/gemini-api.md#tunedmodel). */
export const TUNED_MODEL_ID_PATTERN = /^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/;

// Reasons do not repeat the property: the engine prints "property <path> value {...} has a problem: <reason>".
// Bounds are those of the wire types (docs/gemini-api.md#hyperparameters): int32 and float.
const unitInterval = () => z.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");

const hyperparametersSchema = z
  .object({
    epochCount: positiveInt32().optional(),
    batchSize: positiveInt32().optional(),
    learningRate: positiveFloat32().optional(),
    learningRateMultiplier: positiveFloat32().optional(),
  })
  .refine((h) => h.learningRate === undefined || h.learningRateMultiplier === undefined, {
    message: "set learningRate or learningRateMultiplier, not both (the API treats them as one choice)",
  });

const trainingDataSchema = datasetSchema({
  empty: "the dataset has no examples",
  notADataset: "trainingData must be a Dataset (Dataset.inline, Dataset.fromJsonl, Dataset.fromCsv or Dataset.fromJson)",
});

/** Model names may be given with or without their collection prefix; state always holds the full name. */
const withPrefix = (prefix: string) => (value: string) => (value.startsWith(prefix) ? value : `${prefix}${value}`);

/**
 * The validated, normalized inputs of a `TunedModel`. The SDK sends `resourceName` and `autonameSeed`
 * (the stack-qualified name, `project/stack/name`; the key keeps its 0.1.0 spelling because state holds
 * it) so that the provider can derive a stable id when the user sets none.
 */
export const tunedModelInputsSchema = z
  .object({
    resourceName: z.string().min(1),
    autonameSeed: z.string().min(1),
    tunedModelId: z
      .string()
      .regex(TUNED_MODEL_ID_PATTERN, "must be 1-40 characters: lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen")
      .optional(),
    baseModel: z
      .string()
      .transform(withPrefix("models/"))
      .pipe(z.string().regex(/^models\/[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must name a base model such as "models/gemini-1.5-flash-001-tuning"'))
      .optional(),
    sourceModel: z
      .string()
      .transform(withPrefix("tunedModels/"))
      .pipe(z.string().regex(/^tunedModels\/[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/, 'must name a tuned model such as "tunedModels/my-model-abc123"'))
      .optional(),
    // The API counts characters (code points): 40 emoji are 80 UTF-16 units and still valid.
    displayName: z
      .string()
      .refine((value) => [...value].length <= 40, { message: "must be at most 40 characters (the API's limit)" })
      .optional(),
    description: z.string().optional(),
    temperature: unitInterval().optional(),
    topP: unitInterval().optional(),
    topK: positiveInt32().optional(),
    // int64 on the wire, sent as strings: a number beyond 2^53 would already have lost digits.
    readerProjectNumbers: z
      .array(
        z
          .union([z.string(), z.number().refine(Number.isSafeInteger, { message: "is too large to be exact as a number: give the project number as a string" })])
          .transform(String)
          .pipe(
            z
              .string()
              .regex(/^[1-9]\d*$/, "must be a Google Cloud project number (digits)")
              .refine(fitsInt64, { message: "must be at most 9223372036854775807 (the field is an int64)" }),
          ),
      )
      .optional(),
    hyperparameters: hyperparametersSchema.optional(),
    trainingData: trainingDataSchema.optional(),
    adoptExisting: z.boolean().optional(),
    apiKey: apiKeySchema().optional(),
    project: z.string().min(1, "must not be empty").optional(),
    baseUrl: serviceRootSchema().optional(),
    timeouts: timeoutsSchema,
    evaluation: evaluationSchema.optional(),
  })
  .superRefine((inputs, ctx) => {
    if ((inputs.baseModel === undefined) === (inputs.sourceModel === undefined)) {
      ctx.addIssue({ code: "custom", path: ["baseModel"], message: "set exactly one of baseModel and sourceModel" });
    }
    if (inputs.adoptExisting && inputs.tunedModelId === undefined) {
      ctx.addIssue({ code: "custom", path: ["tunedModelId"], message: "adoptExisting needs the tunedModelId of the model to adopt" });
    }
    if (inputs.trainingData === undefined && !inputs.adoptExisting) {
      ctx.addIssue({ code: "custom", path: ["trainingData"], message: "trainingData is required (a Dataset of examples)" });
    }
  });

/** Inputs after validation and normalization. */
export type TunedModelInputs = z.output<typeof tunedModelInputsSchema>;

/** Inputs after check: the id is always set and the dataset carries its fingerprint. */
export type CheckedTunedModelInputs = TunedModelInputs & {
  tunedModelId: string;
  /** True when the provider chose the id (create-before-delete is then safe on replacement). */
  autonamed: boolean;
  trainingData?: DatasetSpec & { fingerprint: string; exampleCount: number };
  /** The quality gate, its dataset fingerprinted. */
  evaluation?: CheckedEvaluation;
};

/**
 * The fields changed in place with a PATCH (docs/gemini-api.md#update-masks). The resource and the
 * service use the same names, so this list is also the update mask's vocabulary.
 */
export const MUTABLE_FIELDS = ["displayName", "description", "temperature", "topP", "topK", "readerProjectNumbers"] as const;

/** One of {@link MUTABLE_FIELDS}. */
export type MutableField = (typeof MUTABLE_FIELDS)[number];

/** The API's documented default epoch count. Batch size and learning rate defaults depend on the data. */
export const DEFAULT_EPOCH_COUNT = 5;

/** Hyperparameters with the one documented fixed default applied, so `epochCount: 5` equals leaving it out. */
export function normalizedHyperparameters(h: TunedModelInputs["hyperparameters"]): Record<string, number> {
  const normalized: Record<string, number> = { epochCount: h?.epochCount ?? DEFAULT_EPOCH_COUNT };
  if (h?.batchSize !== undefined) normalized.batchSize = h.batchSize;
  if (h?.learningRate !== undefined) normalized.learningRate = h.learningRate;
  if (h?.learningRateMultiplier !== undefined) normalized.learningRateMultiplier = h.learningRateMultiplier;
  return normalized;
}
