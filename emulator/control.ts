/**
 * The control surface tests and CI drive the emulator with: faults, job failures, request records, counters,
 * training pause/resume and step time, reset. The same operations are served over HTTP under `/emulator/...`
 * (see `routes/control.ts`).
 */
import { EmulatorCore } from "./core";
import { ActiveFault, FaultSpec } from "./faults";
import { TokenRequestRecord } from "./oauth";
import { operationName, renderOperation, renderTunedModel } from "./render";
import { RecordedRequest } from "./requestLog";
import { FailurePlan } from "./state";
import { failureMessage } from "./training";
import { ControlVertexJob, controlVertexJobs, failVertexJob, VertexJobFailureSpec } from "./vertex/control";

/** Which job to fail, when, and how. */
export interface JobFailureSpec {
  /** Fail this model's job (running now, or the next create with this id). Accepts `x` or `tunedModels/x`. */
  tunedModelId?: string;
  /** Fail the next job created (the default when no id is given). */
  next?: boolean;
  /** The step at which the job fails (default 1); steps before it complete normally. */
  atStep?: number;
  /** gRPC code of the operation error (default 13, INTERNAL). */
  code?: number;
  /** Operation error message. */
  message?: string;
}

/** One model as the control API reports it. */
export interface ControlModel {
  /** The model as GET returns it. */
  model: Record<string, unknown>;
  /** The operation as operations.get returns it. */
  operation: Record<string, unknown>;
  exampleCount: number;
  operationName: string;
  /** Jobs ever created under this id (more than 1 only after delete and re-create). */
  jobCount: number;
}

/** Drives a running emulator. */
export interface EmulatorControl {
  /**
   * Faults: answer `status` (429 adds Retry-After header + RetryInfo detail; 500; 503), or add `latencyMs`, or
   * `drop` the connection; for the next `count` matching requests (default unlimited), for requests whose
   * method/path/route match, with `probability` (seeded by `seed`), optionally expiring after `durationMs`.
   * Returns an id.
   */
  addFault(fault: FaultSpec): string;
  /** Disarms one fault. */
  removeFault(id: string): void;
  /** Disarms every fault. */
  clearFaults(): void;
  /** The armed faults with their hit counts. */
  faults(): ActiveFault[];
  /** Makes a job fail (see JobFailureSpec). */
  failJob(spec: JobFailureSpec): void;
  /** Drops every planned failure (pending, or attached to running jobs), Gemini API and Vertex. */
  clearJobFailures(): void;
  /** Every API request received, in arrival order (never keys or tokens). */
  requests(): RecordedRequest[];
  /** Forgets recorded requests and per-route counts. */
  clearRequests(): void;
  /** Requests by route, and models by state. */
  counters(): { requestsByRoute: Record<string, number>; modelsByState: Record<string, number> };
  /** Current models with internal facts (example count, operation, job count). */
  models(): ControlModel[];
  /** Total jobs ever created (creates accepted). */
  jobsCreated(): number;
  /** Vertex tuning jobs, newest first, with the model and endpoint each produced (while they exist). */
  vertexJobs(): ControlVertexJob[];
  /** Vertex tuning jobs ever created. */
  vertexJobsCreated(): number;
  /** Makes a Vertex tuning job fail (the next one created, or a running one). */
  failVertexJob(spec: VertexJobFailureSpec): void;
  /** Changes the training step time. */
  setStepMs(ms: number): void;
  /** Pauses training globally. */
  pauseTraining(): void;
  /** Resumes training. */
  resumeTraining(): void;
  /** Token requests made to the OAuth endpoint: grant type and scopes asked for. */
  tokenRequests(): TokenRequestRecord[];
  /** Forgets everything: models, jobs, tokens, faults, failures, records. */
  reset(): void;
}

function checkPlan(spec: JobFailureSpec): void {
  if (spec.atStep !== undefined && !(Number.isInteger(spec.atStep) && spec.atStep >= 1)) {
    throw new RangeError(`atStep must be a positive integer (got ${spec.atStep}).`);
  }
  if (spec.code !== undefined && !(Number.isInteger(spec.code) && spec.code >= 1 && spec.code <= 16)) {
    throw new RangeError(`code must be a gRPC code 1..16 (got ${spec.code}).`);
  }
}

/** Builds the control object over a core. */
export function createControl(core: EmulatorCore): EmulatorControl {
  const changed = (): void => core.persistSoon();
  return {
    addFault: (fault) => core.faults.add(fault),
    removeFault: (id) => core.faults.remove(id),
    clearFaults: () => core.faults.clear(),
    faults: () => core.faults.list(),
    failJob: (spec) => {
      checkPlan(spec);
      const plan: FailurePlan = { atStep: spec.atStep ?? 1, code: spec.code ?? 13, message: spec.message ?? "" };
      if (spec.tunedModelId !== undefined) {
        const id = spec.tunedModelId.replace(/^tunedModels\//, "");
        core.advanceTraining();
        const model = core.store.model(id);
        if (model && model.state === "CREATING") {
          plan.atStep = Math.min(Math.max(plan.atStep, model.job.completedSteps + 1), model.job.totalSteps);
          plan.message ||= failureMessage(plan);
          model.job.failure = plan;
          core.store.touch();
        } else {
          core.store.planFailureForId(id, plan);
        }
      } else {
        core.store.planFailureForNext(plan);
      }
      changed();
    },
    clearJobFailures: () => {
      core.store.clearFailures();
      core.store.vertex.clearFailures();
      changed();
    },
    requests: () => core.recorder.list(),
    clearRequests: () => core.recorder.clear(),
    counters: () => ({ requestsByRoute: core.recorder.counts(), modelsByState: core.modelsByState() }),
    models: () =>
      core.models().map((m) => ({
        model: renderTunedModel(m),
        operation: renderOperation(m, "current"),
        exampleCount: m.examples.length,
        operationName: operationName(m),
        jobCount: core.store.jobCount(m.id),
      })),
    jobsCreated: () => core.store.jobsCreated,
    vertexJobs: () => controlVertexJobs(core),
    vertexJobsCreated: () => core.store.vertex.jobsCreated,
    failVertexJob: (spec) => {
      failVertexJob(core, spec);
      changed();
    },
    setStepMs: (ms) => {
      core.setStepMs(ms);
      changed();
    },
    pauseTraining: () => {
      core.pauseTraining();
      changed();
    },
    resumeTraining: () => {
      core.resumeTraining();
      changed();
    },
    tokenRequests: () => core.tokenRequests.map((r) => ({ grantType: r.grantType, scopes: [...r.scopes] })),
    reset: () => {
      core.reset();
      changed();
    },
  };
}
