/**
 * The Vertex part of the control surface: what tests and CI read about Vertex jobs (with the model and
 * endpoint they produced, as GET returns them) and how they make a Vertex job fail.
 */
import { EmulatorCore } from "../core";
import { deployedRefs, renderEndpoint, renderTuningJob, renderVertexModel } from "./render";
import { StoredVertexJob, VertexFailurePlan } from "./state";
import { isVertexJobActive } from "./training";

/** Which Vertex job to fail, when, and how. */
export interface VertexJobFailureSpec {
  /** Fail this running job (its id, or full name); without it, the next job created fails. */
  tuningJob?: string;
  /** The step at which the job fails (default 1); steps before it complete normally. */
  atStep?: number;
  /** gRPC code of the job's `error` (default 13, INTERNAL). */
  code?: number;
  /** The job's `error.message`. */
  message?: string;
}

/** One Vertex job as the control API reports it. */
export interface ControlVertexJob {
  /** The job as GET returns it. */
  job: Record<string, unknown>;
  /** The model it produced, as GET returns it, while that model exists. */
  model?: Record<string, unknown>;
  /** The endpoint it produced, as GET returns it, while that endpoint exists. */
  endpoint?: Record<string, unknown>;
  /** Examples counted (or assumed, when the dataset was not read). */
  exampleCount: number;
  /** Whether the dataset was read from a mapped bucket. */
  datasetRead: boolean;
}

function describe(core: EmulatorCore, job: StoredVertexJob): ControlVertexJob {
  const store = core.store.vertex;
  const out: ControlVertexJob = {
    job: renderTuningJob(job),
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

/** Every Vertex job (newest first) after advancing training. */
export function controlVertexJobs(core: EmulatorCore): ControlVertexJob[] {
  return core.vertexJobs().map((job) => describe(core, job));
}

/** Plans a Vertex job failure; throws RangeError on an impossible spec or an unknown/finished job. */
export function failVertexJob(core: EmulatorCore, spec: VertexJobFailureSpec): void {
  if (spec.atStep !== undefined && !(Number.isInteger(spec.atStep) && spec.atStep >= 1)) {
    throw new RangeError(`atStep must be a positive integer (got ${spec.atStep}).`);
  }
  if (spec.code !== undefined && !(Number.isInteger(spec.code) && spec.code >= 1 && spec.code <= 16)) {
    throw new RangeError(`code must be a gRPC code 1..16 (got ${spec.code}).`);
  }
  const plan: VertexFailurePlan = { atStep: spec.atStep ?? 1, code: spec.code ?? 13, message: spec.message ?? "" };
  if (spec.tuningJob === undefined) {
    core.store.vertex.planFailureForNext(plan);
    return;
  }
  core.advanceTraining();
  const id = spec.tuningJob.replace(/^.*\/tuningJobs\//, "");
  const job = core.store.vertex.jobById(id);
  if (!job || !isVertexJobActive(job)) throw new RangeError(`Tuning job ${spec.tuningJob} is not pending or running.`);
  plan.atStep = Math.min(Math.max(plan.atStep, job.completedSteps + 1), job.totalSteps);
  plan.message ||= `Tuning job failed at step ${plan.atStep}: injected failure.`;
  job.failure = plan;
  core.store.vertex.changed();
}
