import type * as dynamic from "@pulumi/pulumi/dynamic";
import { GoogleApiError } from "../../client/apiErrors";
import { checkInputs, type CheckResult } from "../../lifecycle/check";
import { replacementReason } from "../../lifecycle/diff";
import { evaluationChanged, gatePreviewLine, reevaluateServedModel } from "../../lifecycle/evaluation/gate";
import { checkedEvaluation } from "../../lifecycle/evaluation/settings";
import { serviceRootProblem } from "../../lifecycle/serviceRoot";
import { operationDeadline } from "../../lifecycle/timeouts";
import { createTrainingJob, resumeTrainingJob } from "../../lifecycle/trainingJob";
import type { CheckFailure } from "../../runtime/checkFailures";
import { geminiConfig } from "../../runtime/stackConfig";
import { configureProvider } from "../../runtime/stackConfig";
import { WaitFailedError } from "../../waiter";
import type { VertexApi } from "../api";
import { vertexContext } from "../clientFor";
import { resolveVertexConnection, VERTEX_SETTING_SOURCES } from "../connection";
import { updateModelRequest } from "../converters";
import { isFinal, waitForTuningJob } from "../jobPoller";
import { creationKey } from "./creationKey";
import { diffVertexTunedModel } from "./diff";
import { adoptionProblems, methodProblems, sourceProblems, vertexTunedModelInputsSchema, type CheckedVertexInputs } from "./inputs";
import { mergeVertexOutputs, readVertexTunedModelState } from "./state";
import { vertexInputsOf, recordedJob, withStableOutputs } from "./stableOutputs";
import { removeProducedModel } from "./teardown";
import { vertexTraining } from "./training";

/**
 * Validates a `VertexTunedModel`'s inputs locally (see `lifecycle/check.ts`). Resolves project and
 * location from stack configuration or the environment when the program leaves them out: they are part
 * of the job's name, so state records the values used.
 */
export function checkVertexTunedModel(news: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): CheckResult {
  return checkInputs(news, vertexTunedModelInputsSchema, (inputs) => {
    const connection = resolveVertexConnection(inputs, env);
    const failures: CheckFailure[] = [];
    if ("missing" in connection) {
      for (const setting of connection.missing) failures.push({ property: setting, reason: `is not set: ${VERTEX_SETTING_SOURCES[setting]}` });
    }
    const configuredUrl = inputs.baseUrl ? undefined : (geminiConfig("vertexBaseUrl") ?? env.GOOGLE_VERTEX_BASE_URL);
    const urlProblem = configuredUrl === undefined ? undefined : serviceRootProblem(configuredUrl);
    if (urlProblem !== undefined) {
      // The value is shown only when it is merely malformed: one with credentials holds a password.
      const shown = urlProblem === "must be an http(s) URL" ? ` is "${configuredUrl}"; it` : "";
      failures.push({ property: "baseUrl", reason: `the configured Vertex service root (gemini:vertexBaseUrl or GOOGLE_VERTEX_BASE_URL)${shown} ${urlProblem}` });
    }
    failures.push(...sourceProblems(inputs), ...methodProblems(inputs), ...adoptionProblems(inputs));
    if (failures.length > 0 || "missing" in connection) return { failures };
    const checked: CheckedVertexInputs = { ...inputs, project: connection.project, location: connection.location, evaluation: checkedEvaluation(inputs.evaluation) };
    return { checked };
  });
}

/**
 * In-place update of the produced model: one PATCH whose `updateMask` names exactly the changed fields.
 * A job that an interrupted or timed-out create left training is waited for first (this is how `up`
 * resumes); if it fails then, the failure is recorded and the next preview proposes a replacement.
 */
async function updateVertexTunedModel(id: string, olds: Record<string, unknown>, news: CheckedVertexInputs): Promise<{ outs: Record<string, unknown> }> {
  const { api, parent } = vertexContext(news);
  let current = olds;
  if (!isFinal(readVertexTunedModelState(olds))) current = { ...olds, ...(await resumeTrainingJob(vertexTraining(api, parent), id, olds, news)).outs };
  const modelName = readVertexTunedModelState(current).model;
  const fields = diffVertexTunedModel(current, news).updates;
  // A changed gate evaluates the serving endpoint again, never retrains it; failing leaves state as it was.
  if (evaluationChanged(news.evaluation, current.evaluation)) current = await reevaluateServedModel(vertexTraining(api, parent), current, news.evaluation);
  if (fields.length > 0) {
    if (modelName === undefined) throw new Error(`${id} reports no model to update; run \`pulumi refresh\``);
    const { body, updateMask } = updateModelRequest(news, fields, creationKey(news));
    await api.updateModel(modelName, body, updateMask);
    console.log(`${modelName}: updated ${fields.join(", ")} in place`);
  }
  const job = await api.getTuningJob(id);
  if (job === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\``);
  const model = modelName === undefined ? undefined : await api.getModel(modelName);
  return { outs: mergeVertexOutputs(current, job, model, news) };
}

/**
 * Deletes the resource: a job still running is cancelled (and waited for until it stopped); a succeeded
 * one has its model undeployed, its endpoint and its model deleted. Vertex keeps finished jobs as
 * history, so the job itself stays. Anything already gone counts as deleted.
 */
async function deleteVertexTunedModel(id: string, props: Record<string, unknown>): Promise<void> {
  const state = readVertexTunedModelState(props);
  const deadline = operationDeadline(state, "delete");
  const { api } = vertexContext(state);
  let job = await api.getTuningJob(id, deadline.signal);
  if (job === undefined) {
    console.log(`${id}: already gone`);
    return;
  }
  if (!isFinal(job)) {
    await cancelUnlessFinished(api, id, deadline.signal);
    try {
      job = await waitForTuningJob(api, id, { timeoutMs: Math.max(1, deadline.at - Date.now()), signal: deadline.signal });
    } catch (error) {
      // A cancelled job is what was asked for; anything else means it may still be running.
      if (!(error instanceof WaitFailedError && error.lastObserved !== undefined)) throw new Error(`${id} was asked to cancel, but ${(error as Error).message}`);
      job = error.lastObserved as typeof job;
    }
    console.log(`${id}: ${job.state === "JOB_STATE_SUCCEEDED" ? "finished before the cancel took effect" : "cancelled"}`);
  }
  if (job.state === "JOB_STATE_SUCCEEDED") await removeProducedModel(api, job, deadline.at, deadline.signal);
}

/** A job that finished between the look and the cancel refuses it (FAILED_PRECONDITION): that is fine. */
async function cancelUnlessFinished(api: VertexApi, id: string, signal: AbortSignal): Promise<void> {
  try {
    await api.cancelTuningJob(id, signal);
  } catch (error) {
    if (!(error instanceof GoogleApiError && error.status === "FAILED_PRECONDITION")) throw error;
  }
}

/**
 * The `VertexTunedModel` dynamic provider: the methods the SDK's serialized shim forwards to. The engine
 * hands back what `check` produced, so `news` is the checked inputs; recorded outputs are read through
 * the tolerant state schema.
 */
export const vertexTunedModelProvider = {
  /** Receives the stack configuration (project, region, service root). */
  configure: configureProvider,

  /**
   * Validates and normalizes inputs (see {@link checkVertexTunedModel}), then adds what the preview of an
   * in-place update shows of the trained job (see `stableOutputs.ts`).
   */
  check: (olds: Record<string, unknown>, news: Record<string, unknown>) =>
    withStableOutputs(olds, checkVertexTunedModel(news), async (inputs, recorded) => {
      const { api, parent } = vertexContext(inputs);
      return recordedJob(api, parent, recorded);
    }),

  /** Decides replace / update / no change (see `diff.ts`). */
  async diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
    const checked = vertexInputsOf(news);
    const { changes, replaces } = diffVertexTunedModel(olds, checked);
    if (replaces.length > 0) console.log(replacementReason(checked.resourceName, replaces));
    if (replaces.length > 0 && checked.evaluation !== undefined) console.log(gatePreviewLine(String(olds.name ?? checked.resourceName), checked.evaluation));
    // Job names are chosen by Vertex, so the new model can always be trained before the old one goes.
    return { changes, replaces, deleteBeforeReplace: false };
  },

  /** Trains the model and waits until the job succeeded (see `lifecycle/trainingJob.ts`). */
  create: (inputs: Record<string, unknown>) => {
    const checked = vertexInputsOf(inputs);
    const { api, parent } = vertexContext(checked);
    return createTrainingJob(vertexTraining(api, parent), checked);
  },

  /**
   * Refresh: reads the job and, once it succeeded, its model. A model deleted outside Pulumi (or a job
   * that disappeared) leaves state; an edited display name, description or labels show in the outputs,
   * and the next preview proposes to restore the declared values; a job that failed since it was
   * recorded shows its state, and the next `up` replaces it.
   */
  async read(id: string, props: Record<string, unknown> = {}) {
    const { api } = vertexContext(readVertexTunedModelState(props));
    const job = await api.getTuningJob(id);
    if (job === undefined) return { id: "", props: {} };
    const modelName = job.tunedModel?.model;
    const model = job.state === "JOB_STATE_SUCCEEDED" && modelName !== undefined ? await api.getModel(modelName) : undefined;
    if (modelName !== undefined && model === undefined) return { id: "", props: {} };
    return { id, props: mergeVertexOutputs(props, job, model) };
  },

  /** Patches the model's mutable fields or resumes an unfinished create (see {@link updateVertexTunedModel}). */
  update: (id: string, olds: Record<string, unknown>, news: Record<string, unknown>) => updateVertexTunedModel(id, olds, vertexInputsOf(news)),

  /** Cancels the job or removes its model and endpoint (see {@link deleteVertexTunedModel}). */
  delete: deleteVertexTunedModel,
} satisfies dynamic.ResourceProvider;
