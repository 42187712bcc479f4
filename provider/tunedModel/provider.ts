import { configureProvider } from "../runtime/stackConfig";
import { checkTunedModel } from "./check";
import { createTunedModel } from "./create";
import { deleteTunedModel } from "./delete";
import { diffTunedModel } from "./diff";
import type { CheckedTunedModelInputs } from "./inputs";
import { readTunedModel } from "./read";
import { updateTunedModel } from "./update";

/**
 * The `TunedModel` dynamic provider: the methods the SDK's serialized shim forwards to, named and shaped
 * like Pulumi's `dynamic.ResourceProvider`.
 */
export const tunedModelProvider = {
  /** Receives the stack configuration (connection defaults). */
  configure: configureProvider,

  /** Validates and normalizes inputs (see {@link checkTunedModel}). */
  check: (_olds: Record<string, unknown>, news: Record<string, unknown>) => checkTunedModel(news),

  /** Decides replace / update / no change (see {@link diffTunedModel}). */
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const { changes, replaces, deleteBeforeReplace } = diffTunedModel(olds, news as CheckedTunedModelInputs);
    return { changes, replaces, deleteBeforeReplace };
  },

  /** Trains the model (see {@link createTunedModel}). */
  create: (inputs: Record<string, unknown>) => createTunedModel(inputs as CheckedTunedModelInputs),

  /** Refreshes from the service (see {@link readTunedModel}). */
  read: (id: string, props: Record<string, unknown>) => readTunedModel(id, props),

  /** Patches mutable fields or resumes an unfinished create (see {@link updateTunedModel}). */
  update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) =>
    updateTunedModel(id, olds, news as CheckedTunedModelInputs),

  /** Deletes the model (see {@link deleteTunedModel}). */
  delete: (id: string, props: Record<string, unknown>) => deleteTunedModel(id, props),
};
