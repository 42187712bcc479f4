/** Datasets: reading, validating and fingerprinting tuning examples, and converting them for Vertex AI. */
export { DatasetError, describeDatasetProblem } from "./datasetError";
export { DatasetFileRead } from "./datasetFileRead";
export { DEFAULT_MAPPING } from "./exampleFromRecord";
export { datasetFingerprint, DatasetFingerprinter } from "./fingerprint";
export { packedDatasetSpec, packExamples, unpackExamples, withUnpackedExamples, type PackedInlineDatasetSpec } from "./packedExamples";
export { EXAMPLE_LIMITS, emptyTextViolation, exampleViolation } from "./limits";
export { scanDatasetFile, type DatasetFileSource } from "./scanDataset";
export { vertexExampleLine } from "./vertexExampleLine";
export { defaultVertexJsonlDir, writeVertexJsonl, type VertexJsonlFile, type VertexJsonlOptions } from "./vertexJsonl";
export type * from "./types";
export {
  DEFAULT_PREFERENCE_MAPPING,
  preferenceExampleLine,
  writePreferenceJsonl,
  type PreferenceDatasetSpec,
  type PreferenceExample,
  type PreferenceFieldMapping,
} from "./preferenceJsonl";
