import { z } from "zod";
import { float, int32, int64, protoEnum, timestamp } from "./protoJson";

/** Lifecycle states of a tuned model. */
export const TUNED_MODEL_STATES = ["STATE_UNSPECIFIED", "CREATING", "ACTIVE", "FAILED"] as const;

/** A tuned model's state; unknown future values are passed through as strings. */
export type TunedModelState = (typeof TUNED_MODEL_STATES)[number] | (string & {});

/** `Hyperparameters` (reference §3). `learningRate` and `learningRateMultiplier` are a oneof. */
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
 * `TunedModel` (reference §2). Only `name` is required: proto3 omits defaults, so a model with an empty
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
