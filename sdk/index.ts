/**
 * Declarative Gemini tuned models for Pulumi.
 *
 * ```ts
 * import * as gemini from "pulumi-gemini-tuning";
 * const model = new gemini.TunedModel("number-generator", {
 *   baseModel: "models/gemini-1.5-flash-001-tuning",
 *   trainingData: gemini.Dataset.fromJsonl("data/numbers.jsonl"),
 * });
 * ```
 */
export { TunedModel, type TunedModelArgs, type HyperparametersArgs, type TrainingSnapshot } from "./tunedModel";
export type { TimeoutsArgs } from "./timeouts";
export type { EvaluationArgs, EvaluationGenerationArgs, EvaluationThresholdsArgs } from "./evaluation";
export { TunedModelPermission, type TunedModelPermissionArgs } from "./tunedModelPermission";
export { Dataset, type TuningExampleArgs, type DatasetMappingArgs } from "./dataset";
export { getTunedModel, getTunedModelOutput, type GetTunedModelArgs, type GetTunedModelResult } from "./getTunedModel";
export type { ConnectionArgs } from "./connectionArgs";
export {
  VertexTunedModel,
  type VertexTunedModelArgs,
  type VertexDatasetArgs,
  type VertexHyperparametersArgs,
  type VertexCheckpoint,
  type VertexTuningStats,
  type VertexEvaluationConfigArgs,
  type VertexEvaluationMetricArgs,
  type VertexAggregationMetric,
  type VertexEvaluateDatasetRun,
} from "./vertexTunedModel";
export { PreferenceDataset, type PreferenceExampleArgs, type PreferenceMappingArgs } from "./preferenceDataset";
export { VertexDataset, type VertexDatasetReference, type BucketObjectLike, type VertexJsonlAssetOptions } from "./vertexDataset";
