/**
 * Schemas of the request messages the emulator decodes strictly (docs/gemini-api.md: TunedModel to Methods and HTTP
 * bindings). Output-only fields are part of the schema because clients may send a resource back as they received it;
 * handlers ignore them.
 */
import { MessageSchema } from "../json/schema";

const TIMESTAMP = { type: "timestamp" } as const;

/** `TuningExample`. */
export const TUNING_EXAMPLE: MessageSchema = {
  fields: { textInput: { type: "string" }, output: { type: "string" } },
};

/** `Hyperparameters`; the two learning-rate fields are a oneof. */
export const HYPERPARAMETERS: MessageSchema = {
  fields: {
    learningRate: { type: "float" },
    learningRateMultiplier: { type: "float" },
    epochCount: { type: "int32" },
    batchSize: { type: "int32" },
  },
  oneofs: { learning_rate_option: ["learningRate", "learningRateMultiplier"] },
};

/** `TuningSnapshot` (output only). */
export const TUNING_SNAPSHOT: MessageSchema = {
  fields: { step: { type: "int32" }, epoch: { type: "int32" }, meanLoss: { type: "float" }, computeTime: TIMESTAMP },
};

/** `TuningTask`. */
export const TUNING_TASK: MessageSchema = {
  fields: {
    startTime: TIMESTAMP,
    completeTime: TIMESTAMP,
    snapshots: { type: { message: TUNING_SNAPSHOT }, repeated: true },
    trainingData: {
      type: {
        message: {
          fields: {
            examples: {
              type: { message: { fields: { examples: { type: { message: TUNING_EXAMPLE }, repeated: true } } } },
            },
          },
        },
      },
    },
    hyperparameters: { type: { message: HYPERPARAMETERS } },
  },
};

/** `TunedModel`; `baseModel` and `tunedModelSource` are the oneof `source_model`. */
export const TUNED_MODEL: MessageSchema = {
  fields: {
    name: { type: "string" },
    tunedModelSource: { type: { message: { fields: { tunedModel: { type: "string" }, baseModel: { type: "string" } } } } },
    baseModel: { type: "string" },
    displayName: { type: "string" },
    description: { type: "string" },
    temperature: { type: "float" },
    topP: { type: "float" },
    topK: { type: "int32" },
    state: { type: { enum: ["STATE_UNSPECIFIED", "CREATING", "ACTIVE", "FAILED"] } },
    createTime: TIMESTAMP,
    updateTime: TIMESTAMP,
    tuningTask: { type: { message: TUNING_TASK } },
    readerProjectNumbers: { type: "int64", repeated: true },
  },
  oneofs: { source_model: ["tunedModelSource", "baseModel"] },
};

/** `Permission`. */
export const PERMISSION: MessageSchema = {
  fields: {
    name: { type: "string" },
    granteeType: { type: { enum: ["GRANTEE_TYPE_UNSPECIFIED", "USER", "GROUP", "EVERYONE"] } },
    emailAddress: { type: "string" },
    role: { type: { enum: ["ROLE_UNSPECIFIED", "OWNER", "WRITER", "READER"] } },
  },
};

/** `TransferOwnershipRequest` body. */
export const TRANSFER_OWNERSHIP: MessageSchema = {
  fields: { name: { type: "string" }, emailAddress: { type: "string" } },
};

/** Decoded `TuningExample`. */
export interface ExampleInput {
  textInput?: string;
  output?: string;
}

/** Decoded `Hyperparameters`. */
export interface HyperparametersInput {
  learningRate?: number;
  learningRateMultiplier?: number;
  epochCount?: number;
  batchSize?: number;
}

/** Decoded `TunedModel` (fields the emulator reads). */
export interface TunedModelInput {
  name?: string;
  tunedModelSource?: { tunedModel?: string; baseModel?: string };
  baseModel?: string;
  displayName?: string;
  description?: string;
  temperature?: number;
  topP?: number;
  topK?: number;
  tuningTask?: {
    trainingData?: { examples?: { examples?: ExampleInput[] } };
    hyperparameters?: HyperparametersInput;
  };
  readerProjectNumbers?: string[];
}

/** Decoded `Permission`. */
export interface PermissionInput {
  granteeType?: string;
  emailAddress?: string;
  role?: string;
}
