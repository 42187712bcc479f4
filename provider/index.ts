/**
 * The dynamic provider's implementation. The SDK's serialized shim `require`s this module at call time,
 * so refresh and destroy always run the installed version of this code, never a copy frozen in state.
 */
export { tunedModelProvider as tunedModel } from "./gemini/tunedModel/provider";
export { tunedModelPermissionProvider as tunedModelPermission } from "./gemini/permission";
export { vertexTunedModelProvider as vertexTunedModel } from "./vertex/tunedModel/provider";
export { getTunedModel } from "./gemini/lookup";
export * as datasets from "./dataset";
export type { ConnectionInputs } from "./gemini/connection";
export type { TunedModel as TunedModelResource } from "./gemini/wire";
export { configureProvider as configure } from "./runtime/stackConfig";
