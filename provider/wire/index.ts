/**
 * Wire schemas of the Gemini API's tuning surface (zod, tolerant of unknown fields) and their types.
 * Separate from the emulator's own types on purpose: sharing them would let bugs cancel out.
 */
export * from "./protoJson";
export * from "./status";
export * from "./tunedModel";
export * from "./operation";
export * from "./permission";
export * from "./listResponses";
export * from "./generateContent";
export * from "./errorEnvelope";
