import { GoogleApiError } from "../client/apiErrors";
import { operationDeadline } from "../lifecycle/timeouts";
import type { VertexConnectionInputs } from "../vertex/connection";
import { isFinal } from "../vertex/jobPoller";
import { awaitTuningJob } from "./awaitJob";
import { vertexContext } from "../vertex/clientFor";
import { removeProducedModel } from "./teardown";

/**
 * Deletes the resource: a job still running is cancelled (and waited for until it stopped); a succeeded
 * one has its model undeployed, its endpoint and its model deleted. Vertex keeps finished jobs as
 * history, so the job itself stays. Anything already gone counts as deleted.
 */
export async function deleteVertexTunedModel(id: string, props: Record<string, unknown>): Promise<void> {
  const { at: deadline, signal } = operationDeadline(props, "delete");
  const { api } = vertexContext(props as VertexConnectionInputs);
  let job = await api.getTuningJob(id, signal);
  if (job === undefined) {
    console.log(`${id}: already gone`);
    return;
  }
  if (!isFinal(job)) {
    await cancelUnlessFinished(api, id, signal);
    const outcome = await awaitTuningJob(api, id, Math.max(1, deadline - Date.now()), signal);
    if (outcome.kind === "unfinished") throw new Error(`${id} was asked to cancel, but ${outcome.message}`);
    job = outcome.job;
    console.log(`${id}: ${job.state === "JOB_STATE_SUCCEEDED" ? "finished before the cancel took effect" : "cancelled"}`);
  }
  if (job.state === "JOB_STATE_SUCCEEDED") await removeProducedModel(api, job, deadline, signal);
}

/** A job that finished between the look and the cancel refuses it (FAILED_PRECONDITION): that is fine. */
async function cancelUnlessFinished(api: ReturnType<typeof vertexContext>["api"], id: string, signal: AbortSignal): Promise<void> {
  try {
    await api.cancelTuningJob(id, signal);
  } catch (error) {
    if (!(error instanceof GoogleApiError && error.status === "FAILED_PRECONDITION")) throw error;
  }
}
