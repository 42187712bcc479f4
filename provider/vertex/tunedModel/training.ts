import { ApiTransportError, GoogleApiError } from "../../client/apiErrors";
import type { TrainingBackend } from "../../lifecycle/backend";
import { shutdownSignal } from "../../runtime/shutdownSignal";
import { abortableSleep } from "../../waiter/sleep";
import { operationDeadline } from "../../lifecycle/timeouts";
import type { VertexApi } from "../api";
import { createTuningJobBody, createVersionOf } from "../converters";
import { classifyTuningJob, isFinal, jobProgressReporter, TUNING_JOB_MAX_POLL_DELAY_MS } from "../jobPoller";
import type { TuningJob } from "../wire";
import { adoptTuningJob } from "./adopt";
import { creationKey } from "./creationKey";
import { CREATION_LABEL, type CheckedVertexInputs } from "./inputs";
import { vertexOutputs } from "./state";
import { removeProducedModel } from "./teardown";

/** How often a create whose answer was lost is looked for and, when absent, sent again. */
const SUBMIT_ATTEMPTS = 4;

/**
 * Vertex AI behind the training lifecycle. Vertex picks job ids itself, so a create first looks for a job
 * an earlier, interrupted attempt of this very create submitted (same creation label) and waits for it
 * instead of submitting a second one. A job that fails during create produced no model and Vertex keeps
 * it as history: nothing is left to remove.
 */
export function vertexTraining(api: VertexApi, parent: string): TrainingBackend<CheckedVertexInputs, TuningJob> {
  return {
    async submitOrResume(inputs) {
      if (inputs.adoptExisting) return adoptTuningJob(api, inputs);
      const earlier = await earlierAttempt(api, parent, creationKey(inputs));
      if (earlier === undefined) return submitOnce(api, parent, inputs);
      console.log(`${earlier.name}: found the job an earlier attempt of this deploy submitted (${earlier.state}); using it instead of training again`);
      return earlier;
    },
    lookUp: (id) => api.getTuningJob(id),
    resumeLine: (job) => `${job.name}: resuming the wait for the tuning job (${job.state ?? "state unknown"})`,
    idOf: (job) => job.name,
    nameOf: (job) => job.name,
    async poll(job, signal) {
      const fresh = await api.getTuningJob(job.name, signal);
      if (fresh === undefined) throw new Error(`${job.name} no longer exists`);
      return fresh;
    },
    reporter: (job) => jobProgressReporter(job.name),
    classify: classifyTuningJob,
    maxDelayWithoutProgressMs: TUNING_JOB_MAX_POLL_DELAY_MS,
    async finish(inputs, job) {
      const modelName = job.tunedModel?.model;
      const model = modelName === undefined ? undefined : await api.getModel(modelName);
      console.log(`${job.name}: succeeded; model ${modelName ?? "(not reported)"} serves on ${job.tunedModel?.endpoint ?? "(no endpoint reported)"}`);
      return { outs: vertexOutputs(inputs, job, model) };
    },
    record: async (inputs, job) => vertexOutputs(inputs, job),
    failureMessage: (job, reason) => `tuning job ${job.name} ${reason}`,
    onFailedCreate: { action: "keep", advice: "it produced no model. Fix the cause and run `pulumi up` again to train a new one" },
    generate: (outs, prompt, settings, signal) => api.generateText(servingEndpoint(outs), prompt, signal, settings),
    servingName: servingEndpoint,
    async discardCandidate(job) {
      // The job stays as Vertex's history; its model and endpoint go, as on destroy.
      const deadline = operationDeadline({}, "delete");
      await removeProducedModel(api, job, deadline.at, deadline.signal);
    },
  };
}

/** The endpoint serving the model the outputs describe: Vertex answers generateContent there. */
function servingEndpoint(outs: Record<string, unknown>): string {
  if (typeof outs.endpoint !== "string") throw new Error(`${String(outs.name)} reports no endpoint to evaluate; run \`pulumi refresh\``);
  return outs.endpoint;
}

/**
 * Submits the job so that it exists exactly once. A create whose answer never arrived (a 5xx, a dropped
 * connection) may still have made the job, and Vertex has no request id to make a resend safe: so after
 * such a failure the job is looked for by its creation label, and sent again only when it is not there.
 */
async function submitOnce(api: VertexApi, parent: string, inputs: CheckedVertexInputs): Promise<TuningJob> {
  const key = creationKey(inputs);
  for (let attempt = 1; ; attempt++) {
    try {
      const body = createTuningJobBody(inputs, key);
      const job = await api.createTuningJob(parent, body, undefined, createVersionOf(body));
      const source = inputs.sourceModel === undefined ? `base model ${inputs.baseModel}` : `continuing ${inputs.sourceModel}${inputs.checkpointId === undefined ? "" : ` from checkpoint ${inputs.checkpointId}`}`;
      console.log(`${job.name}: tuning job submitted (${source})`);
      return job;
    } catch (error) {
      if (!answerLost(error) || attempt >= SUBMIT_ATTEMPTS) throw error;
      await abortableSleep(1000 * 2 ** (attempt - 1), shutdownSignal());
      const made = await earlierAttempt(api, parent, key);
      if (made !== undefined) {
        console.log(`${made.name}: the create's answer was lost, but the job exists; using it`);
        return made;
      }
    }
  }
}

/** Whether a failed create may have reached the service and acted (so its outcome is unknown). */
function answerLost(error: unknown): boolean {
  if (error instanceof GoogleApiError) return error.httpStatus >= 500;
  return error instanceof ApiTransportError && error.retryable && error.code !== "ECONNREFUSED";
}

/**
 * The newest job carrying this resource's creation key that can still become (or already is) the
 * model: pending, running, or succeeded with its model still there. Failed and cancelled jobs, and
 * succeeded ones whose model was deleted since, do not count.
 */
async function earlierAttempt(api: VertexApi, parent: string, key: string): Promise<TuningJob | undefined> {
  const jobs = await api.listTuningJobs(parent, `labels.${CREATION_LABEL}="${key}"`);
  const newestFirst = [...jobs].sort((a, b) => Date.parse(b.createTime ?? "") - Date.parse(a.createTime ?? ""));
  for (const job of newestFirst) {
    if (!isFinal(job)) return job;
    if (job.state !== "JOB_STATE_SUCCEEDED" || job.tunedModel?.model === undefined) continue;
    if ((await api.getModel(job.tunedModel.model)) !== undefined) return job;
  }
  return undefined;
}
