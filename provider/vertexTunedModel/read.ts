import type { VertexConnectionInputs } from "../vertex/connection";
import { vertexContext } from "../vertex/clientFor";
import type { CheckedVertexInputs } from "./inputs";
import { mergeVertexOutputs } from "./outputs";

/** What `read` returns to the engine; an empty id means the model is gone. */
export interface VertexReadResult {
  /** The job's name, or "" when the job or its model no longer exists. */
  id: string;
  /** Refreshed outputs. */
  props: Record<string, unknown>;
}

/**
 * Refresh: reads the job and, once it succeeded, its model. A model deleted outside Pulumi (or a job
 * that disappeared) leaves state; an edited display name, description or labels show in the outputs, and
 * the next preview proposes to restore the declared values; a job that failed since it was recorded shows
 * its state, and the next `up` replaces it.
 */
export async function readVertexTunedModel(id: string, props: Record<string, unknown>): Promise<VertexReadResult> {
  const { api } = vertexContext(props as VertexConnectionInputs);
  const job = await api.getTuningJob(id);
  if (job === undefined) return { id: "", props: {} };
  const modelName = job.tunedModel?.model;
  const model = job.state === "JOB_STATE_SUCCEEDED" && modelName !== undefined ? await api.getModel(modelName) : undefined;
  if (modelName !== undefined && model === undefined) return { id: "", props: {} };
  return { id, props: mergeVertexOutputs(props, props as unknown as CheckedVertexInputs, job, model) };
}
