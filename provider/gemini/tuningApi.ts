import type { Operation, Permission, TunedModel } from "../wire";

/** One training example: a single-turn text input and the wanted output. */
export interface TrainingExample {
  /** Model input. */
  textInput: string;
  /** Expected output. */
  output: string;
}

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
    trainingData: { examples: { examples: TrainingExample[] } };
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

/** Names of {@link MutableTunedModelFields}, as used in an update mask. */
export type MutableTunedModelField = keyof MutableTunedModelFields;

/** The update-mask paths the service accepts for a tuned model. */
export const MUTABLE_TUNED_MODEL_FIELDS: readonly MutableTunedModelField[] = Object.freeze([
  "displayName",
  "description",
  "temperature",
  "topP",
  "topK",
  "readerProjectNumbers",
]);

/** A permission to grant. */
export interface PermissionSpec {
  /** `USER`, `GROUP` or `EVERYONE`. */
  granteeType: string;
  /** Required for USER and GROUP, absent for EVERYONE. */
  emailAddress?: string;
  /** `READER`, `WRITER` or `OWNER`. */
  role: string;
}

/**
 * The tuning service as the resource logic needs it. The Gemini API implements it today
 * ({@link GeminiTuningApi}); a Vertex AI backend can implement the same calls later without touching
 * the provider. Every call takes an abort signal; "not found" is a value, not an exception, where the
 * callers treat it as a normal outcome.
 */
export interface TuningApi {
  /** Submits a tuning job; `tunedModelId` makes the call idempotent (a repeat answers 409 ALREADY_EXISTS). */
  createTunedModel(body: CreateTunedModelBody, tunedModelId: string | undefined, signal?: AbortSignal): Promise<Operation>;
  /** The model, or undefined when it does not exist (404). */
  getTunedModel(name: string, signal?: AbortSignal): Promise<TunedModel | undefined>;
  /** Changes exactly the fields in `updateMask`; a masked field left undefined is cleared. */
  updateTunedModel(name: string, fields: MutableTunedModelFields, updateMask: string[], signal?: AbortSignal): Promise<TunedModel>;
  /** Deletes the model; `"absent"` when it was already gone. */
  deleteTunedModel(name: string, signal?: AbortSignal): Promise<"deleted" | "absent">;
  /** One look at a long-running operation. */
  getOperation(name: string, signal?: AbortSignal): Promise<Operation>;
  /** Every operation of a tuned model (all pages). */
  listOperations(tunedModelName: string, signal?: AbortSignal): Promise<Operation[]>;
  /** Every tuned model visible to the caller that matches `filter` (all pages). */
  listTunedModels(filter?: string, signal?: AbortSignal): Promise<TunedModel[]>;
  /** Grants a permission on a tuned model. */
  createPermission(parent: string, permission: PermissionSpec, signal?: AbortSignal): Promise<Permission>;
  /** The permission, or undefined when it does not exist. */
  getPermission(name: string, signal?: AbortSignal): Promise<Permission | undefined>;
  /** Every permission on a tuned model (all pages). */
  listPermissions(parent: string, signal?: AbortSignal): Promise<Permission[]>;
  /** Changes a permission's role (the only mutable field). */
  updatePermissionRole(name: string, role: string, signal?: AbortSignal): Promise<Permission>;
  /** Revokes a permission; `"absent"` when it was already gone. */
  deletePermission(name: string, signal?: AbortSignal): Promise<"deleted" | "absent">;
  /** Asks a model for a completion of `text`; returns the first candidate's text. */
  generateText(model: string, text: string, signal?: AbortSignal): Promise<string>;
}
