/**
 * The control surface tests and CI drive the emulator with: faults, job failures, request records, counters,
 * training pause/resume and step time, reset. The same operations are served over HTTP under `/emulator/...`
 * (see `routes/control.ts`).
 */
import { EmulatorCore } from "./core";
import { ActiveFault, FaultSpec } from "./faults";
import { ControlModel, controlModels, failJob, JobFailureSpec, modelsByState, setModelAccuracy } from "./gemini/control";
import { checkedAccuracy } from "./jobs/recall";
import { TokenRequestRecord } from "./oauth";
import { RecordedRequest } from "./requestLog";
import { ControlVertexJob, controlVertexJobs, failVertexJob, setVertexModelAccuracy, VertexJobFailureSpec, vertexResourceCounts, VertexResourceCounts } from "./vertex/control";

export type { ControlModel, JobFailureSpec } from "./gemini/control";

/** Whose answer accuracy to set (see `jobs/recall.ts`). */
export interface AnswerAccuracySpec {
  /** Fraction of training prompts answered with their example's output, 0 to 1; null clears the setting. */
  accuracy: number | null;
  /**
   * A tuned model (`tunedModels/x`), a Vertex model (`…/models/x`) or endpoint (`…/endpoints/x`). Without
   * it, every model created from now on, on either service, gets the accuracy (until reset).
   */
  model?: string;
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
  /** How many Vertex models, endpoints and active jobs exist now. */
  vertexResources(): VertexResourceCounts;
  /** Makes a Vertex tuning job fail (the next one created, or a running one). */
  failVertexJob(spec: VertexJobFailureSpec): void;
  /** Sets a tuned model's answer accuracy outright (see AnswerAccuracySpec). */
  setAnswerAccuracy(spec: AnswerAccuracySpec): void;
  /** Changes the training step time. */
  setStepMs(ms: number): void;
  /** Pauses training globally. */
  pauseTraining(): void;
  /** Resumes training. */
  resumeTraining(): void;
  /** Token requests made to the OAuth endpoint: grant type and scopes asked for. */
  tokenRequests(): TokenRequestRecord[];
  /**
   * Replaces the API keys strict auth accepts (a key rotation: the new key is accepted, the revoked one is
   * refused as Google refuses a deleted key).
   */
  setApiKeys(keys: readonly string[]): void;
  /** Forgets everything: models, jobs, tokens, faults, failures, records. */
  reset(): void;
}

/** Builds the control object over a core. */
export function createControl(core: EmulatorCore): EmulatorControl {
  const changed = (): void => core.persistSoon();
  /** Brings training up to date, then reads. */
  const current = <T>(read: () => T): T => {
    core.advanceTraining();
    return read();
  };
  return {
    addFault: (fault) => core.faults.add(fault),
    removeFault: (id) => core.faults.remove(id),
    clearFaults: () => core.faults.clear(),
    faults: () => core.faults.list(),
    failJob: (spec) => {
      current(() => failJob(core.gemini.store, spec));
      changed();
    },
    clearJobFailures: () => {
      core.clearFailures();
      changed();
    },
    requests: () => core.recorder.list(),
    clearRequests: () => core.recorder.clear(),
    counters: () => ({
      requestsByRoute: core.recorder.counts(),
      modelsByState: current(() => modelsByState(core.gemini.store)),
    }),
    models: () => current(() => controlModels(core.gemini.store)),
    jobsCreated: () => core.gemini.store.jobsCreated,
    vertexJobs: () => current(() => controlVertexJobs(core.vertex.store)),
    vertexJobsCreated: () => core.vertex.store.jobsCreated,
    vertexResources: () => current(() => vertexResourceCounts(core.vertex.store)),
    failVertexJob: (spec) => {
      current(() => failVertexJob(core.vertex.store, spec));
      changed();
    },
    setAnswerAccuracy: (spec) => {
      const accuracy = checkedAccuracy(spec.accuracy);
      current(() => {
        if (spec.model === undefined) {
          core.gemini.store.newModelAccuracy = accuracy;
          core.vertex.store.newModelAccuracy = accuracy;
        } else if (spec.model.startsWith("tunedModels/")) setModelAccuracy(core.gemini.store, spec.model, accuracy);
        else setVertexModelAccuracy(core.vertex.store, spec.model, accuracy);
      });
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
    setApiKeys: (keys) => {
      core.options.apiKeys = new Set(keys);
    },
    reset: () => {
      core.reset();
      changed();
    },
  };
}
