import * as pulumi from "@pulumi/pulumi";
import { packedDatasetSpec } from "../provider/dataset/packedExamples";
import { connectionInputs, type ConnectionArgs } from "./connectionArgs";
import { Dataset, type TuningExampleArgs } from "./dataset";
import type { TunedModelState } from "../provider/gemini/tunedModel/state";
import type { STABLE_OUTPUTS } from "../provider/gemini/tunedModel/stableOutputs";
import type { STABLE_OUTPUTS_KEY } from "../provider/lifecycle/stableOutputs";
import { DynamicResource, stackQualifiedName, type OptionalOutput, type RecordedOutput } from "./dynamicResource";
import { evaluationInput, type EvaluationArgs } from "./evaluation";
import { stableAtPreview } from "./stableOutputs";
import type { TimeoutsArgs } from "./timeouts";

/**
 * The outputs the preview of an in-place update takes from what check carried. Spelled out here so that
 * the program loads no provider code for it; the type makes it the provider's list exactly.
 */
const STABLE: typeof STABLE_OUTPUTS = [
  "state", "createTime", "startTime", "completeTime", "baseModel", "temperature", "topP", "topK",
  "effectiveHyperparameters", "totalSteps", "finalMeanLoss", "snapshots", "exampleCount", "datasetFingerprint",
];
const CARRIED: typeof STABLE_OUTPUTS_KEY = "__stableOutputs";

/** Training hyperparameters. Changing any of them trains a new model (replacement). */
export interface HyperparametersArgs {
  /** Passes over the training data. Default 5. */
  epochCount?: pulumi.Input<number>;
  /** Examples per step. Default chosen by the service from the dataset size (4 or 16). */
  batchSize?: pulumi.Input<number>;
  /** Learning rate. Default chosen by the service (0.001 or 0.0002). Not together with `learningRateMultiplier`. */
  learningRate?: pulumi.Input<number>;
  /** Multiplier of the service's recommended learning rate. Not together with `learningRate`. */
  learningRateMultiplier?: pulumi.Input<number>;
}

/** Arguments of a {@link TunedModel}. */
export interface TunedModelArgs extends ConnectionArgs {
  /** Base model to tune, e.g. `models/gemini-1.5-flash-001-tuning`. Exactly one of this and `sourceModel`. */
  baseModel?: pulumi.Input<string>;
  /** An existing tuned model to tune further (`tunedModels/...`). Exactly one of this and `baseModel`. */
  sourceModel?: pulumi.Input<string>;
  /**
   * The model id (`tunedModels/<id>`). Default: the resource name plus a suffix derived from the stack and
   * the training spec, new on every replacement. A fixed id makes replacements delete-before-create.
   */
  tunedModelId?: pulumi.Input<string>;
  /** Display name, at most 40 characters. Updated in place. */
  displayName?: pulumi.Input<string>;
  /** Description. Updated in place. */
  description?: pulumi.Input<string>;
  /** Default sampling temperature, 0 to 1. Updated in place. Unset: the base model's default. */
  temperature?: pulumi.Input<number>;
  /** Default nucleus sampling probability, 0 to 1. Updated in place. */
  topP?: pulumi.Input<number>;
  /** Default top-k sampling, a whole number from 1. Updated in place. */
  topK?: pulumi.Input<number>;
  /** Google Cloud project numbers granted read access. Updated in place. */
  readerProjectNumbers?: pulumi.Input<pulumi.Input<string | number>[]>;
  /** Training hyperparameters. */
  hyperparameters?: pulumi.Input<HyperparametersArgs>;
  /** The examples: a {@link Dataset}, or an array of inline examples. Required unless adopting. */
  trainingData?: Dataset | pulumi.Input<pulumi.Input<TuningExampleArgs>[]>;
  /**
   * Take over the existing model `tunedModelId` instead of training one (`pulumi import` does not work
   * for dynamic resources). Never creates a model; fails if it does not exist or its spec differs.
   */
  adoptExisting?: boolean;
  /** Provider-enforced deadlines. */
  timeouts?: TimeoutsArgs;
  /** A quality gate the trained model must pass before it replaces the serving one (see {@link EvaluationArgs}). */
  evaluation?: EvaluationArgs;
}

/** One recorded training step: its number, epoch and mean loss. */
export type TrainingSnapshot = NonNullable<TunedModelState["snapshots"]>[number];

/**
 * A Gemini tuned model. `pulumi up` submits the tuning job and waits until the model is ACTIVE, printing
 * progress; changes to the base model, hyperparameters or training data train a new model
 * (replacement); changes to the display name, description, sampling defaults or readers are applied in
 * place; `pulumi refresh` notices edits and deletions made outside Pulumi.
 */
export class TunedModel extends DynamicResource {
  /** Full resource name, `tunedModels/<id>`: the resource id, so known in the preview of an in-place update. */
  declare readonly name: RecordedOutput<TunedModelState, "name">;
  /** The id part of the name: known in the preview of an in-place update (an autonamed one is read from the id, as `name` is). */
  declare readonly tunedModelId: RecordedOutput<TunedModelState, "tunedModelId">;
  /** `CREATING`, `ACTIVE` or `FAILED`. Known in the preview of an in-place update, as are the training outputs below (README, What a reviewer sees in the preview). */
  declare readonly state: RecordedOutput<TunedModelState, "state">;
  /** When the model was created (RFC 3339). */
  declare readonly createTime: RecordedOutput<TunedModelState, "createTime">;
  /** When the model was last updated (RFC 3339). */
  declare readonly updateTime: RecordedOutput<TunedModelState, "updateTime">;
  /** When training started. */
  declare readonly startTime: OptionalOutput<TunedModelState, "startTime">;
  /** When training completed. */
  declare readonly completeTime: OptionalOutput<TunedModelState, "completeTime">;
  /** The base model, also when tuned from another tuned model. */
  declare readonly baseModel: RecordedOutput<TunedModelState, "baseModel">;
  /** Display name as the service has it. */
  declare readonly displayName: OptionalOutput<TunedModelState, "displayName">;
  /** Description as the service has it. */
  declare readonly description: OptionalOutput<TunedModelState, "description">;
  /** Effective temperature (the base model's default when not set). */
  declare readonly temperature: OptionalOutput<TunedModelState, "temperature">;
  /** Effective topP. */
  declare readonly topP: OptionalOutput<TunedModelState, "topP">;
  /** Effective topK. */
  declare readonly topK: OptionalOutput<TunedModelState, "topK">;
  /** Project numbers with read access. */
  declare readonly readerProjectNumbers: OptionalOutput<TunedModelState, "readerProjectNumbers">;
  /** Hyperparameters as the service applied them (defaults filled in). */
  declare readonly effectiveHyperparameters: OptionalOutput<TunedModelState, "effectiveHyperparameters">;
  /** Training steps of the job. */
  declare readonly totalSteps: OptionalOutput<TunedModelState, "totalSteps">;
  /** Mean loss of the last step. */
  declare readonly finalMeanLoss: OptionalOutput<TunedModelState, "finalMeanLoss">;
  /** Up to 10 evenly spaced training snapshots, always including the last. */
  declare readonly snapshots: RecordedOutput<TunedModelState, "snapshots">;
  /** Number of training examples. */
  declare readonly exampleCount: RecordedOutput<TunedModelState, "exampleCount">;
  /** Content fingerprint of the training data (`sha256:...`). */
  declare readonly datasetFingerprint: RecordedOutput<TunedModelState, "datasetFingerprint">;

  /** The quality gate's last result: each metric's score, the example count, whether it passed, up to five failing examples. */
  declare readonly evaluation: OptionalOutput<TunedModelState, "evaluation">;

  /**
   * Declares a tuned model.
   * @param name The resource name (also the start of the default id).
   * @param args What to train and how.
   * @param opts Pulumi resource options.
   */
  constructor(name: string, args: TunedModelArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      state: undefined, createTime: undefined, updateTime: undefined, startTime: undefined,
      completeTime: undefined, effectiveHyperparameters: undefined, totalSteps: undefined, finalMeanLoss: undefined,
      snapshots: undefined, exampleCount: undefined, datasetFingerprint: undefined, [CARRIED]: undefined,
    };
    super(
      "tunedModel",
      "TunedModel",
      name,
      {
        ...outputs,
        resourceName: name,
        autonameSeed: stackQualifiedName(name),
        tunedModelId: args.tunedModelId,
        baseModel: args.baseModel,
        sourceModel: args.sourceModel,
        displayName: args.displayName,
        description: args.description,
        temperature: args.temperature,
        topP: args.topP,
        topK: args.topK,
        readerProjectNumbers: args.readerProjectNumbers,
        hyperparameters: args.hyperparameters,
        trainingData: trainingDataSpec(args.trainingData),
        adoptExisting: args.adoptExisting,
        timeouts: args.timeouts,
        evaluation: evaluationInput(args.evaluation),
        ...connectionInputs(args),
      },
      opts,
    );
    this.name = this.nameFromId();
    // A chosen id is an input, known in every preview; the provider keeps an autonamed one out of the inputs' summary.
    if (args.tunedModelId === undefined) this.tunedModelId = this.id.apply((id) => id.replace(/^tunedModels\//, ""));
    const carried = (this as unknown as Record<typeof CARRIED, pulumi.Output<Record<string, unknown> | undefined>>)[CARRIED];
    for (const key of STABLE) Object.assign(this, { [key]: stableAtPreview(this.id, this[key] as pulumi.Output<unknown>, carried, key) });
  }
}

/** The dataset as the resource's inputs carry it: inline examples packed into one string property. */
function trainingDataSpec(data: TunedModelArgs["trainingData"]): pulumi.Input<ReturnType<typeof packedDatasetSpec>> | undefined {
  if (data === undefined) return undefined;
  return (data instanceof Dataset ? data : Dataset.inline(data)).spec.apply(packedDatasetSpec);
}
