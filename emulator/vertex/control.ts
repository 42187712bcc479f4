/**
 * The Vertex part of the control surface: what tests and CI read about Vertex jobs (with the model and
 * endpoint they produced, as GET returns them) and how they make a Vertex job fail. The callers bring
 * training up to date first.
 */
import { failurePlanOf, FailureSpec, fitFailure } from "../jobs/failurePlan";
import { deployedRefs, renderEndpoint, renderTuningJob, renderVertexModel } from "./render";
import { StoredVertexJob } from "./state";
import { VertexStore } from "./store";
import { isVertexJobActive } from "./training";

/** Which Vertex job to fail, when, and how. */
export interface VertexJobFailureSpec extends FailureSpec {
  /** Fail this running job (its id, or full name); without it, the next job created fails. */
  tuningJob?: string;
}

/** One Vertex job as the control API reports it. */
export interface ControlVertexJob {
  /** The job as GET returns it. */
  job: Record<string, unknown>;
  /** The model it produced, as GET returns it, while that model exists. */
  model?: Record<string, unknown>;
  /** The endpoint it produced, as GET returns it, while that endpoint exists. */
  endpoint?: Record<string, unknown>;
  /** The endpoints of its earlier checkpoints (the last one is served on `endpoint`), as GET returns them, while they exist. */
  checkpointEndpoints: Record<string, unknown>[];
  /** Examples counted (or assumed, when the dataset was not read). */
  exampleCount: number;
  /** Whether the dataset was read from a mapped bucket. */
  datasetRead: boolean;
}

function describe(store: VertexStore, job: StoredVertexJob): ControlVertexJob {
  const out: ControlVertexJob = {
    job: renderTuningJob(job),
    checkpointEndpoints: job.checkpoints
      .map((c) => (c.endpointId === undefined || c.endpointId === job.endpointId ? undefined : store.endpoint(job, c.endpointId)))
      .filter((e) => e !== undefined)
      .map((e) => renderEndpoint(e, (id) => store.modelById(id)?.displayName)),
    exampleCount: job.dataset.exampleCount,
    datasetRead: job.dataset.read,
  };
  const model = job.modelId !== undefined ? store.model(job, job.modelId) : undefined;
  if (model) {
    out.model = renderVertexModel(model, deployedRefs(store, model));
  }
  const endpoint = job.endpointId !== undefined ? store.endpoint(job, job.endpointId) : undefined;
  if (endpoint) out.endpoint = renderEndpoint(endpoint, (id) => store.modelById(id)?.displayName);
  return out;
}

/** Every Vertex job, newest first. */
export function controlVertexJobs(store: VertexStore): ControlVertexJob[] {
  return store.allJobs().map((job) => describe(store, job));
}

/** How many Vertex models, endpoints and active (pending or running) jobs exist, whoever made them. */
export interface VertexResourceCounts {
  models: number;
  endpoints: number;
  activeJobs: number;
}

/** Counts what exists on the Vertex side: a teardown that leaves nothing behind brings models and endpoints to 0. */
export function vertexResourceCounts(store: VertexStore): VertexResourceCounts {
  return { models: store.allModels().length, endpoints: store.allEndpoints().length, activeJobs: store.allJobs().filter(isVertexJobActive).length };
}

/** Plans a Vertex job failure; throws RangeError on an impossible spec or an unknown/finished job. */
export function failVertexJob(store: VertexStore, spec: VertexJobFailureSpec): void {
  const plan = failurePlanOf(spec);
  if (spec.tuningJob === undefined) {
    store.planFailureForNext(plan);
    return;
  }
  const id = spec.tuningJob.replace(/^.*\/tuningJobs\//, "");
  const job = store.jobById(id);
  if (!job || !isVertexJobActive(job)) throw new RangeError(`Tuning job ${spec.tuningJob} is not pending or running.`);
  job.failure = fitFailure(plan, job.completedSteps, job.totalSteps);
  store.changed();
}

/**
 * Sets (or, with undefined, clears) the answer accuracy of a produced model, named by the model
 * (`…/models/{id}`) or by an endpoint serving it (`…/endpoints/{id}`); throws RangeError when unknown.
 */
export function setVertexModelAccuracy(store: VertexStore, name: string, accuracy: number | undefined): void {
  const endpointId = /endpoints\/([^/]+)$/.exec(name)?.[1];
  const modelId = endpointId !== undefined ? store.endpointById(endpointId)?.deployedModels[0]?.modelId : /models\/([^/@]+)/.exec(name)?.[1];
  const model = modelId === undefined ? undefined : store.modelById(modelId);
  if (!model) throw new RangeError(`No Vertex model or endpoint ${name}.`);
  if (accuracy === undefined) delete model.answerAccuracy;
  else model.answerAccuracy = accuracy;
  store.changed();
}
