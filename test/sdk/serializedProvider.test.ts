import { serializedProvider, type ProviderKind } from "../../sdk/providerShim";

// The module the dynamic-provider host uses to evaluate `__provider` (a dependency of @pulumi/pulumi).
const requireFromString = require("require-from-string") as (code: string) => { handler(): Record<string, unknown> };

describe("the serialized provider (__provider in state)", () => {
  it.each<ProviderKind>(["tunedModel", "tunedModelPermission"])("for %s is small and captures nothing", (kind) => {
    const text = serializedProvider(kind);
    expect(text.length).toBeLessThan(2048);
    // Nothing that varies by machine or could leak: no path, credential or captured value.
    expect(text).not.toMatch(/\/(home|root|tmp|work)\/|apiKey|Bearer|key/i);
  });

  it.each<ProviderKind>(["tunedModel", "tunedModelPermission"])(
    "for %s loads the installed implementation the way the provider host does",
    (kind) => {
      // The host evaluates the text with require-from-string, resolving modules from its working directory
      // (here the repository, which links itself as node_modules/pulumi-gemini-tuning).
      const provider = requireFromString(serializedProvider(kind)).handler();
      for (const method of ["configure", "check", "diff", "create", "read", "update", "delete"]) {
        expect(typeof provider[method]).toBe("function");
      }
    },
  );
});
