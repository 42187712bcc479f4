/** Datasets: reading, validating and fingerprinting tuning examples. */
export { DatasetError, describeDatasetProblem } from "./datasetError";
export { DEFAULT_MAPPING } from "./exampleFromRecord";
export { datasetFingerprint, DatasetFingerprinter } from "./fingerprint";
export { EXAMPLE_LIMITS, exampleViolation } from "./limits";
export { scanDatasetFile, type DatasetFileSource } from "./scanDataset";
export type * from "./types";
