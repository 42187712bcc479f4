import * as pulumi from "@pulumi/pulumi";

/**
 * The baseline of `preview_ratio`: the most minimal dynamic resource there is, a provider that does
 * nothing (Pulumi's default check and diff, a create that returns a fixed id). Serialized by Pulumi's
 * own closure serialization, as any user-written dynamic provider is.
 */
const noopProvider: pulumi.dynamic.ResourceProvider = {
  async create() {
    return { id: "noop", outs: {} };
  },
};

/**
 * A dynamic resource that does nothing, with no inputs, or carrying `inputs` as any user-written dynamic
 * resource would (the baseline of `preview_ratio_same_payload`).
 */
export class NoopResource extends pulumi.dynamic.Resource {
  constructor(name: string, inputs: pulumi.Inputs = {}) {
    super(noopProvider, name, inputs);
  }
}
