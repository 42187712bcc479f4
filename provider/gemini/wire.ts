import { z } from "zod";
import { OperationSchema, listOperationsResponseSchema } from "../google/operation";
import type { TuningExample } from "../dataset";
import { float, int32, int64, protoEnum, timestamp } from "../google/protoJson";

/**
 * Wire schemas of the Gemini API's tuning surface (`generativelanguage` v1beta: tuned models, their
 * tuning operations and permissions), in zod and tolerant of unknown fields, so a newer server never
 * breaks a read. Separate from the emulator's own types on purpose: sharing them would let bugs cancel
 * out. Field meanings: docs/gemini-api.md.
 */
/** Lifecycle states of a tuned model. */
export const TUNED_MODEL_STATES = ["STATE_UNSPECIFIED", "CREATING", "ACTIVE", "FAILED"] as const;

/** A tuned model's lifecycle state (CREATING, ACTIVE, FAILED); unknown future values pass through as strings. */
export type TunedModelLifecycleState = (typeof TUNED_MODEL_STATES)[number] | (string & {});

/** `Hyperparameters` (docs/gemini-api.md#hyperparameters). `learningRate` and `learningRateMultiplier` are a oneof. */
export const HyperparametersSchema = z.looseObject({
  learningRate: float.optional(),
  learningRateMultiplier: float.optional(),
  epochCount: int32.optional(),
  batchSize: int32.optional(),
});

/** Tuning hyperparameters as the service echoes them. */
export type Hyperparameters = z.infer<typeof HyperparametersSchema>;

/** `TuningSnapshot`: metrics of one training step. */
export const TuningSnapshotSchema = z.looseObject({
  step: int32.optional(),
  epoch: int32.optional(),
  meanLoss: float.optional(),
  computeTime: timestamp.optional(),
});

/** One training step's metrics. */
export type TuningSnapshot = z.infer<typeof TuningSnapshotSchema>;

/** `TuningExample`: one single-turn input→output pair. */
export const TuningExampleSchema = z.looseObject({
  textInput: z.string().optional(),
  output: z.string().optional(),
});

/** `Dataset` (inline examples only on the Gemini API; never returned by get/list). */
export const DatasetSchema = z.looseObject({
  examples: z.looseObject({ examples: z.array(TuningExampleSchema).optional() }).optional(),
});

/** `TuningTask`: when training ran, what it measured and with which hyperparameters. */
export const TuningTaskSchema = z.looseObject({
  startTime: timestamp.optional(),
  completeTime: timestamp.optional(),
  snapshots: z.array(TuningSnapshotSchema).optional(),
  trainingData: DatasetSchema.optional(),
  hyperparameters: HyperparametersSchema.optional(),
});

/** A tuning task as the service reports it. */
export type TuningTask = z.infer<typeof TuningTaskSchema>;

/** `TunedModelSource`: tuning on top of an existing tuned model. */
export const TunedModelSourceSchema = z.looseObject({
  tunedModel: z.string().optional(),
  baseModel: z.string().optional(),
});

/**
 * `TunedModel` (docs/gemini-api.md#tunedmodel). Only `name` is required: proto3 omits defaults, so a model with an empty
 * description simply has no `description` key.
 */
export const TunedModelSchema = z.looseObject({
  name: z.string(),
  baseModel: z.string().optional(),
  tunedModelSource: TunedModelSourceSchema.optional(),
  displayName: z.string().optional(),
  description: z.string().optional(),
  temperature: float.optional(),
  topP: float.optional(),
  topK: int32.optional(),
  state: protoEnum(TUNED_MODEL_STATES).optional(),
  createTime: timestamp.optional(),
  updateTime: timestamp.optional(),
  tuningTask: TuningTaskSchema.optional(),
  readerProjectNumbers: z.array(int64).optional(),
});

/** A tuned model as the service reports it. */
export type TunedModel = z.infer<typeof TunedModelSchema>;

/** Who a permission is granted to. */
export const GRANTEE_TYPES = ["GRANTEE_TYPE_UNSPECIFIED", "USER", "GROUP", "EVERYONE"] as const;

/** Roles, each including the ones after it: OWNER ⊃ WRITER ⊃ READER. */
export const PERMISSION_ROLES = ["ROLE_UNSPECIFIED", "OWNER", "WRITER", "READER"] as const;

/** `Permission` on a tuned model (docs/gemini-api.md#permissions). */
export const PermissionSchema = z.looseObject({
  name: z.string(),
  granteeType: protoEnum(GRANTEE_TYPES).optional(),
  emailAddress: z.string().optional(),
  role: protoEnum(PERMISSION_ROLES).optional(),
});

/** A permission as the service reports it. */
export type Permission = z.infer<typeof PermissionSchema>;

/** `@type` of the metadata of a create-tuned-model operation. */
export const CREATE_TUNED_MODEL_METADATA_TYPE = "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata";

/**
 * `CreateTunedModelMetadata` (docs/gemini-api.md#operations): the job's progress. A fresh operation
 * carries only `totalSteps` and `tunedModel`; `completedSteps` is absent while it is 0 (proto3 default).
 */
export const CreateTunedModelMetadataSchema = z.looseObject({
  "@type": z.string().optional(),
  tunedModel: z.string().optional(),
  totalSteps: int32.optional(),
  completedSteps: int32.optional(),
  completedPercent: float.optional(),
  snapshots: z.array(TuningSnapshotSchema).optional(),
});

/** Progress metadata of a tuning operation. */
export type CreateTunedModelMetadata = z.infer<typeof CreateTunedModelMetadataSchema>;

/** A tuning job's long-running operation: the generic Operation with Gemini's tuning metadata. */
export const TuningOperationSchema = OperationSchema.extend({ metadata: CreateTunedModelMetadataSchema.optional() });

/** A tuning operation. */
export type TuningOperation = z.infer<typeof TuningOperationSchema>;

/** `ListTunedModelsResponse`; `nextPageToken` is absent on the last page. */
export const ListTunedModelsResponseSchema = z.looseObject({
  tunedModels: z.array(TunedModelSchema).optional(),
  nextPageToken: z.string().optional(),
});

/** The operations of a tuned model, one page. */
export const ListTuningOperationsResponseSchema = listOperationsResponseSchema(TuningOperationSchema);

/** `ListPermissionsResponse`. */
export const ListPermissionsResponseSchema = z.looseObject({
  permissions: z.array(PermissionSchema).optional(),
  nextPageToken: z.string().optional(),
});

// Request shapes: what the provider sends (converters.ts turns them into JSON).

/** Hyperparameters of a tuning job; `learningRate` and `learningRateMultiplier` exclude each other. */
export interface CreateHyperparameters {
  /** Passes over the dataset. */
  epochCount?: number;
  /** Examples per step. */
  batchSize?: number;
  /** Absolute learning rate. */
  learningRate?: number;
  /** Multiplier on the service's recommended learning rate. */
  learningRateMultiplier?: number;
}

/** What a new tuned model is made from. Exactly one of `baseModel` and `tunedModelSource` is set. */
export interface CreateTunedModelBody {
  /** Display name, ≤ 40 characters. */
  displayName?: string;
  /** Free-text description. */
  description?: string;
  /** Base model, e.g. `models/gemini-1.5-flash-001-tuning`. */
  baseModel?: string;
  /** Tune further from an existing tuned model instead. */
  tunedModelSource?: { tunedModel: string };
  /** Sampling temperature default for the tuned model. */
  temperature?: number;
  /** Nucleus sampling default. */
  topP?: number;
  /** Top-k sampling default. */
  topK?: number;
  /** Google Cloud project numbers granted read access (int64 as decimal strings). */
  readerProjectNumbers?: string[];
  /** The job: hyperparameters and inline training examples. */
  tuningTask: {
    hyperparameters?: CreateHyperparameters;
    trainingData: { examples: { examples: TuningExample[] } };
  };
}

/** The fields an update may change in place (everything else requires a new model). */
export interface MutableTunedModelFields {
  /** Display name. */
  displayName?: string;
  /** Description. */
  description?: string;
  /** Sampling temperature default. */
  temperature?: number;
  /** Nucleus sampling default. */
  topP?: number;
  /** Top-k default. */
  topK?: number;
  /** Reader project numbers (decimal strings). */
  readerProjectNumbers?: string[];
}

/** A permission to grant. */
export interface PermissionSpec {
  /** `USER`, `GROUP` or `EVERYONE`. */
  granteeType: string;
  /** Required for USER and GROUP, absent for EVERYONE. */
  emailAddress?: string;
  /** `READER`, `WRITER` or `OWNER`. */
  role: string;
}
