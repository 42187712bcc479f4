import { configureProvider } from "../runtime/stackConfig";
import { checkVertexTunedModel } from "./check";
import { createVertexTunedModel } from "./create";
import { deleteVertexTunedModel } from "./delete";
import { diffVertexTunedModel } from "./diff";
import type { CheckedVertexInputs } from "./inputs";
import { readVertexTunedModel } from "./read";
import { updateVertexTunedModel } from "./update";

/**
 * The `VertexTunedModel` dynamic provider: the methods the SDK's serialized shim forwards to, named and
 * shaped like Pulumi's `dynamic.ResourceProvider`.
 */
export const vertexTunedModelProvider = {
  /** Receives the stack configuration (project, region, service root). */
  configure: configureProvider,

  /** Validates and normalizes inputs (see {@link checkVertexTunedModel}). */
  check: async (_olds: Record<string, unknown>, news: Record<string, unknown>) => checkVertexTunedModel(news),

  /** Decides replace / update / no change (see {@link diffVertexTunedModel}). */
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { changes, replaces } = diffVertexTunedModel(olds, news as CheckedVertexInputs);
    // Job names are chosen by Vertex, so the new model can always be trained before the old one goes.
    return { changes, replaces, deleteBeforeReplace: false };
  },

  /** Trains the model (see {@link createVertexTunedModel}). */
  create: (inputs: Record<string, unknown>) => createVertexTunedModel(inputs as CheckedVertexInputs),

  /** Refreshes from the service (see {@link readVertexTunedModel}). */
  read: (id: string, props: Record<string, unknown>) => readVertexTunedModel(id, props),

  /** Patches the model's mutable fields or resumes an unfinished create (see {@link updateVertexTunedModel}). */
  update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
    updateVertexTunedModel(id, olds, news as CheckedVertexInputs),

  /** Cancels the job or removes its model and endpoint (see {@link deleteVertexTunedModel}). */
  delete: (id: string, props: Record<string, unknown>) => deleteVertexTunedModel(id, props),
};
