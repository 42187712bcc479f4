import * as pulumi from "@pulumi/pulumi";

/**
 * An output as the preview of an in-place update should show it. The Node dynamic-provider host does not
 * preview updates: the engine previews the resource's outputs as exactly the inputs `check` returned, so
 * an output the service chose (a Vertex model or endpoint name, a Gemini model's training snapshots) is
 * unknown there, and a dependent on it would preview a change that `up` never makes. `check` therefore
 * returns such outputs under an internal input key with the model's name (`provider/lifecycle/stableOutputs.ts`),
 * and in a preview this takes, in order:
 * - nothing while the resource is created or replaced (its id is unknown): unknown, as it must be;
 * - the recorded output when the engine knows it (a resource with no change keeps its recorded outputs);
 * - the carried value when it describes this resource (its name is the id): an in-place update;
 * - otherwise unknown.
 * Outside a preview the recorded output is the truth.
 */
export function stableAtPreview<T>(
  id: pulumi.Output<string>,
  recorded: pulumi.Output<T>,
  carried: pulumi.Output<Record<string, unknown> | undefined>,
  key: string,
): pulumi.Output<T> {
  if (!pulumi.runtime.isDryRun()) return recorded;
  // An Output returned from apply is unwrapped (its value, and whether it is known, become the result's).
  const chosen = id.apply(async (resourceId) => {
    if (await isKnown(recorded)) return recorded;
    return carried.apply((stable) => (stable?.name === resourceId ? (stable[key] as T) : recorded));
  });
  return chosen as unknown as pulumi.Output<T>;
}

/**
 * Whether the engine gave the output a value. The SDK's public surface says so only when serializing:
 * an unknown output serializes as the engine's unknown sentinel.
 */
async function isKnown(output: pulumi.Output<unknown>): Promise<boolean> {
  return (await pulumi.runtime.serializeProperty("stableAtPreview", pulumi.unsecret(output))) !== pulumi.runtime.unknownValue;
}
