import { GoogleApiError } from "../../client/apiErrors";
import type { VertexApi } from "../api";
import type { TuningJob } from "../wire";
import { waitUntil, WaitFailedError } from "../../waiter";
import { abortableSleep } from "../../waiter/sleep";
import { classifyOperation, type Operation } from "../../google/operation";

/**
 * Removes what a succeeded job produced: its model is undeployed from every endpoint the job reported
 * (the endpoint is deleted when nothing else is deployed on it), then the model is deleted, each step
 * waiting on its long-running operation; a version added by continuous tuning is deleted on its own, so
 * the source model's versions stay. Anything already gone counts as done.
 */
export async function removeProducedModel(api: VertexApi, job: TuningJob, deadline: number, signal: AbortSignal): Promise<void> {
  const model = job.tunedModel?.model;
  const endpoints = new Set([job.tunedModel?.endpoint, ...(job.tunedModel?.checkpoints ?? []).map((c) => c.endpoint)].filter((e): e is string => !!e));
  for (const endpoint of endpoints) await retireEndpoint(api, endpoint, model, deadline, signal);
  if (model === undefined) return;
  // Continuous tuning adds a version to its source model: remove that version only, never the source's.
  // DeleteModel names the model itself (its request takes no version), so version 1 goes by the bare name.
  const operation = versionOf(model) === "1" ? await api.deleteModel(withoutVersion(model), signal) : await api.deleteModelVersion(model, signal);
  if (operation === undefined) console.log(`${model}: already deleted`);
  else await settle(api, operation, `deleting ${model}`, deadline, signal);
}

async function retireEndpoint(api: VertexApi, endpoint: string, model: string | undefined, deadline: number, signal: AbortSignal): Promise<void> {
  const found = await api.getEndpoint(endpoint, signal);
  if (found === undefined) return;
  const deployed = found.deployedModels ?? [];
  // The job names a model version (`…/models/123@1`); an endpoint names the model it serves without one.
  const ours = deployed.filter((d) => model !== undefined && d.model !== undefined && withoutVersion(d.model) === withoutVersion(model));
  for (const deployment of ours) {
    if (deployment.id === undefined) continue;
    const operation = await api.undeployModel(endpoint, deployment.id, signal);
    if (operation !== undefined) await settle(api, operation, `undeploying ${model} from ${endpoint}`, deadline, signal);
  }
  const others = deployed.length - ours.length;
  if (others > 0) {
    console.log(`${endpoint}: kept, it still serves ${others} other deployed model${others === 1 ? "" : "s"}`);
    return;
  }
  const operation = await deleteEndpointOnceEmpty(api, endpoint, signal);
  if (operation !== undefined) await settle(api, operation, `deleting ${endpoint}`, deadline, signal);
}

/** Deleting an endpoint right after its last undeploy can still be refused while Vertex catches up: retry that briefly. */
async function deleteEndpointOnceEmpty(api: VertexApi, endpoint: string, signal: AbortSignal): Promise<Operation | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.deleteEndpoint(endpoint, signal);
    } catch (error) {
      const stillBusy = error instanceof GoogleApiError && error.status === "FAILED_PRECONDITION";
      if (!stillBusy || attempt >= 5) throw error;
      await abortableSleep(1000 * attempt, signal);
    }
  }
}

/** Waits for a Vertex long-running operation; a failed one is an error naming what was being done. */
async function settle(api: VertexApi, operation: Operation, what: string, deadline: number, signal: AbortSignal): Promise<void> {
  const classified = classifyOperation(operation);
  if (classified.state === "succeeded") return;
  if (classified.state === "failed") throw new Error(`${what} failed: ${classified.reason}`);
  await waitUntil({
    name: operation.name,
    poll: (pollSignal) => api.getOperation(operation.name, pollSignal),
    classify: classifyOperation,
    signal,
    timeoutMs: Math.max(1, deadline - Date.now()),
  }).catch((error: unknown) => {
    // The waiter's own message names the operation; this one says what it was doing, once.
    throw new Error(error instanceof WaitFailedError ? `${what} failed: ${error.reason}` : `${what}: ${(error as Error).message}`);
  });
}

/** The version a model name carries (`…/models/123@2` -> `2`); a name without one means the first. */
function versionOf(model: string): string {
  return /@([^/@]+)$/.exec(model)?.[1] ?? "1";
}

/** `projects/p/locations/l/models/123@1` names version 1 of `projects/p/locations/l/models/123`. */
function withoutVersion(model: string): string {
  return model.replace(/@[^/]*$/, "");
}
