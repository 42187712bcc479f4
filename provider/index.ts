/**
 * The dynamic provider's implementation. The SDK's serialized shim `require`s this module at call time,
 * so refresh and destroy always run the installed version of this code, never a copy frozen in state.
 *
 * Each export is loaded when first read: the provider host of a `TunedModel` preview reads only
 * `tunedModel`, and its start (on every command) need not pay for compiling the Vertex provider, the
 * permission provider or the lookup.
 */
import type * as gemini from "./gemini/tunedModel/provider";
import type * as permission from "./gemini/permission";
import type * as vertex from "./vertex/tunedModel/provider";
import type * as lookup from "./gemini/lookup";
import type * as datasetModule from "./dataset";
import type * as stackConfig from "./runtime/stackConfig";

/** The `TunedModel` provider. */
export declare const tunedModel: typeof gemini.tunedModelProvider;
/** The `TunedModelPermission` provider. */
export declare const tunedModelPermission: typeof permission.tunedModelPermissionProvider;
/** The `VertexTunedModel` provider. */
export declare const vertexTunedModel: typeof vertex.vertexTunedModelProvider;
/** Reads a tuned model by name (the SDK's `getTunedModel`). */
export declare const getTunedModel: typeof lookup.getTunedModel;
/** Dataset readers, fingerprints and conversions (used by the SDK in the program's process). */
export declare const datasets: typeof datasetModule;
/** Hands the provider the stack configuration (the host's `configure`). */
export declare const configure: typeof stackConfig.configureProvider;
export type { ConnectionInputs } from "./gemini/connection";
export type { TunedModel as TunedModelResource } from "./gemini/wire";

const lazyExports: Record<string, () => unknown> = {
  tunedModel: () => (require("./gemini/tunedModel/provider") as typeof gemini).tunedModelProvider,
  tunedModelPermission: () => (require("./gemini/permission") as typeof permission).tunedModelPermissionProvider,
  vertexTunedModel: () => (require("./vertex/tunedModel/provider") as typeof vertex).vertexTunedModelProvider,
  getTunedModel: () => (require("./gemini/lookup") as typeof lookup).getTunedModel,
  datasets: () => require("./dataset") as typeof datasetModule,
  configure: () => (require("./runtime/stackConfig") as typeof stackConfig).configureProvider,
};
for (const [name, load] of Object.entries(lazyExports)) {
  Object.defineProperty(exports, name, { enumerable: true, get: load });
}
