import type { ConnectionInputs } from "../gemini/connection";
import type { CheckedTunedModelInputs } from "./inputs";
import { mergeTunedModelOutputs } from "./outputs";
import { geminiApiFor } from "../gemini/clientFor";

/** What `read` returns to the engine; an empty id means the model is gone. */
export interface TunedModelReadResult {
  /** `tunedModels/{id}`, or "" when the model no longer exists. */
  id: string;
  /** Refreshed outputs. */
  props: Record<string, unknown>;
}

/**
 * Refresh: reads the model as the service has it. A model deleted outside Pulumi leaves state; a field
 * edited outside Pulumi shows in the outputs, and the next preview proposes to restore the declared value.
 * The declared inputs are left as they were, so a refresh alone causes no diff.
 */
export async function readTunedModel(id: string, props: Record<string, unknown>): Promise<TunedModelReadResult> {
  const model = await geminiApiFor(props as ConnectionInputs).getTunedModel(id);
  if (model === undefined) return { id: "", props: {} };
  return { id, props: mergeTunedModelOutputs(props, props as unknown as CheckedTunedModelInputs, model) };
}
