/** The tuning service behind a backend-neutral interface, implemented for the Gemini API. */
export * from "./tuningApi";
export { GeminiTuningApi } from "./geminiTuningApi";
export * from "./converters";
export { operationProgress, type OperationProgress } from "./operationProgress";
export { collectPages } from "./pagination";
