import { ApiTransportError, GoogleApiError } from "../client/apiErrors";
import { abortableSleep } from "../waiter/sleep";
import { PartialStateError } from "../runtime/partialStateError";
import { shutdownSignal } from "../runtime/shutdownSignal";
import { timeoutMs } from "../lifecycle/timeouts";
import type { VertexApi } from "../vertex/api";
import type { TuningJob } from "../vertex/wire";
import { isFinal, jobFailureReason } from "../vertex/jobPoller";
import { awaitTuningJob, type JobOutcome } from "./awaitJob";
import { vertexContext } from "../vertex/clientFor";
import { createTuningJobBody } from "./createBody";
import { creationKey } from "./creationKey";
import { CREATION_LABEL, type CheckedVertexInputs } from "./inputs";
import { vertexOutputs } from "./outputs";

/** What `create` returns to the engine. */
export interface VertexCreateResult {
  /** The job's name, `projects/{p}/locations/{l}/tuningJobs/{id}`. */
  id: string;
  /** The resource's outputs. */
  outs: Record<string, unknown>;
}

/**
 * Submits the tuning job and waits until it succeeded. A job an earlier, interrupted attempt of this very
 * create submitted (same creation label) is waited for instead of submitting a second one. A failed job
 * is reported with its error and leaves nothing to record (it produced no model); a job still training
 * at the deadline or at an interruption is recorded (partial state) so the next `up` resumes waiting.
 */
export async function createVertexTunedModel(inputs: CheckedVertexInputs): Promise<VertexCreateResult> {
  // From here on an interruption must be reported as partial state, not end the process mid-create.
  shutdownSignal();
  const { api, parent } = vertexContext(inputs);
  const earlier = await earlierAttempt(api, parent, creationKey(inputs));
  let job: TuningJob;
  if (earlier !== undefined) {
    job = earlier;
    console.log(`${job.name}: found the job an earlier attempt of this deploy submitted (${job.state}); using it instead of training again`);
  } else {
    job = await submitOnce(api, parent, inputs);
  }
  return finishVertexJob(api, inputs, job);
}

/** How often a create whose answer was lost is looked for and, when absent, sent again. */
const SUBMIT_ATTEMPTS = 4;

/**
 * Submits the job so that it exists exactly once. A create whose answer never arrived (a 5xx, a dropped
 * connection) may still have made the job, and Vertex has no request id to make a resend safe: so after
 * such a failure the job is looked for by its creation label, and sent again only when it is not there.
 */
async function submitOnce(api: VertexApi, parent: string, inputs: CheckedVertexInputs): Promise<TuningJob> {
  for (let attempt = 1; ; attempt++) {
    try {
      const job = await api.createTuningJob(parent, createTuningJobBody(inputs));
      console.log(`${job.name}: tuning job submitted (base model ${inputs.baseModel})`);
      return job;
    } catch (error) {
      if (!answerLost(error) || attempt >= SUBMIT_ATTEMPTS) throw error;
      await abortableSleep(1000 * 2 ** (attempt - 1), shutdownSignal());
      const made = await earlierAttempt(api, parent, creationKey(inputs));
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

/**
 * Waits for the job when it is still running and maps the outcome. Also used by `update` when resuming a
 * recorded job: a failure is then recorded too (`recordFailure`), so that the next preview proposes to
 * replace the failed job instead of every `up` stumbling over it again.
 */
export async function finishVertexJob(
  api: VertexApi,
  inputs: CheckedVertexInputs,
  job: TuningJob,
  options: { recordFailure?: boolean } = {},
): Promise<VertexCreateResult> {
  const outcome: JobOutcome = isFinal(job)
    ? job.state === "JOB_STATE_SUCCEEDED"
      ? { kind: "succeeded", job }
      : { kind: "failed", job, message: `tuning job ${job.name} ${jobFailureReason(job)}` }
    : await awaitTuningJob(api, job.name, timeoutMs(inputs, "create"));
  switch (outcome.kind) {
    case "succeeded": {
      const modelName = outcome.job.tunedModel?.model;
      const model = modelName === undefined ? undefined : await api.getModel(modelName);
      console.log(`${job.name}: succeeded; model ${modelName ?? "(not reported)"} serves on ${outcome.job.tunedModel?.endpoint ?? "(no endpoint reported)"}`);
      return { id: job.name, outs: vertexOutputs(inputs, outcome.job, model) };
    }
    case "failed": {
      const message = `${outcome.message}; it produced no model. Fix the cause and run \`pulumi up\` again to train a new one`;
      if (options.recordFailure) throw new PartialStateError(message, job.name, vertexOutputs(inputs, outcome.job));
      throw new Error(message);
    }
    case "unfinished":
      throw new PartialStateError(
        `${outcome.message}; the job keeps training and the next \`pulumi up\` resumes waiting for it`,
        job.name,
        vertexOutputs(inputs, outcome.job ?? job),
      );
  }
}
