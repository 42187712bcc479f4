/**
 * The only bridge from the SDK to the provider implementation.
 *
 * A dynamic resource stores, in state (`__provider`), the text of a CommonJS module whose `handler()`
 * returns the provider; the dynamic-provider host evaluates it from the program's directory. Pulumi's
 * `dynamic.Resource` produces that text by serializing closures, which costs about 300 bytes of wrapper
 * per method. Writing the module ourselves keeps it to one line that `require`s the installed package
 * when the host loads it: under 100 bytes, identical on every machine (no phantom diffs), holding no
 * client or credential, and an upgraded package changes what refresh and destroy run without touching
 * the stack.
 */
import type * as implementation from "../provider";

/** The resource kinds the provider package implements (keys of its exports). */
export type ProviderKind = "tunedModel" | "tunedModelPermission" | "vertexTunedModel";

/** The `__provider` module text for a resource kind. */
export function serializedProvider(kind: ProviderKind): string {
  return `exports.handler = () => require("pulumi-gemini-tuning/provider").${kind};\n`;
}

/**
 * The provider implementation for work done in the program's own process (dataset fingerprints at
 * program time, lookups). Loaded lazily by relative path, which works from the sources and from `dist/`.
 */
export function providerImplementation(): typeof implementation {
  return require("../provider") as typeof implementation;
}
