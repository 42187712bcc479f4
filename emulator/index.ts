/**
 * A local, wire-compatible emulator of the Gemini API tuning service (`generativelanguage` v1beta
 * `tunedModels`, their operations and permissions, base models, and generateContent on tuned models), and of
 * the Vertex AI (`aiplatform` v1 and v1beta1) routes a Vertex tuned model needs: tuningJobs, the models and
 * endpoints they produce, their long-running operations, and generateContent on the endpoint.
 *
 * ```ts
 * const emulator = await startEmulator({ stepMs: 20 });
 * // point a client at emulator.url, drive it with emulator.control, then:
 * await emulator.close();
 * ```
 */
export { startEmulator } from "./start";
export type { EmulatorHandle } from "./start";
export type { EmulatorOptions } from "./options";
export type { EmulatorControl, JobFailureSpec, ControlModel } from "./control";
export type { FaultSpec, ActiveFault } from "./faults";
export type { RecordedRequest } from "./requestLog";
export type { AuthKind } from "./auth";
export type { TokenRequestRecord } from "./oauth";
export type { BaseModelsMode } from "./gemini/baseModels";
export type { VertexOptions } from "./vertex/options";
export { VERTEX_FIXED_ANSWER } from "./vertex/options";
export { vertexProjectNumber } from "./vertex/projects";
export type { VertexJobFailureSpec, ControlVertexJob } from "./vertex/control";
export type { VertexJobState } from "./vertex/state";
export { runCli, parseCliArgs, CLI_USAGE } from "./cli";
export type { CliArgs, CliIo } from "./cli";
