import type { TrainingBackend } from "../../../provider/lifecycle/backend";
import type { CheckedEvaluation } from "../../../provider/lifecycle/evaluation/settings";

/** A job of the fake backend: its state and how many more polls it stays pending. */
export interface FakeJob {
  /** Resource id. */
  name: string;
  /** `pending`, `succeeded` or `failed`. */
  state: "pending" | "succeeded" | "failed";
  /** Polls left before the job reaches `endsAs`. */
  pollsLeft: number;
  /** How the job ends. */
  endsAs: "succeeded" | "failed";
}

/** Inputs of the fake resource. */
export interface FakeInputs {
  /** Deadlines. */
  timeouts?: { create?: string };
  /** The quality gate. */
  evaluation?: CheckedEvaluation;
}

/** What the fake backend did, for assertions. */
export interface FakeBackend {
  /** The backend, with the given failure policy. */
  backend: TrainingBackend<FakeInputs, FakeJob>;
  /** Jobs the service knows. */
  jobs: Map<string, FakeJob>;
  /** Every call made, by method name. */
  calls: string[];
}

/**
 * A training service in memory: no HTTP, no emulator. Jobs end after a given number of polls; the fake
 * records every seam call so the lifecycle's policy can be asserted once for both real backends.
 */
export function fakeBackend(options: { job: Omit<FakeJob, "name">; onFailedCreate: "delete" | "keep"; reply?: (prompt: string) => string }): FakeBackend {
  const jobs = new Map<string, FakeJob>();
  const calls: string[] = [];
  const advance = (job: FakeJob): FakeJob => {
    const current = jobs.get(job.name) ?? job;
    if (current.state !== "pending") return { ...current };
    const next: FakeJob = current.pollsLeft <= 1 ? { ...current, pollsLeft: 0, state: current.endsAs } : { ...current, pollsLeft: current.pollsLeft - 1 };
    jobs.set(next.name, next);
    return { ...next };
  };
  const backend: TrainingBackend<FakeInputs, FakeJob> = {
    async submitOrResume() {
      calls.push("submitOrResume");
      const job = { name: "jobs/1", ...options.job };
      jobs.set(job.name, job);
      return { ...job };
    },
    async lookUp(id) {
      calls.push("lookUp");
      const job = jobs.get(id);
      return job && { ...job };
    },
    resumeLine: (job) => `${job.name}: resuming`,
    idOf: (job) => job.name,
    nameOf: (job) => job.name,
    async poll(job) {
      calls.push("poll");
      return advance(job);
    },
    reporter: () => () => undefined,
    classify: (job) => (job.state === "failed" ? { state: "failed", reason: "ended FAILED: boom" } : { state: job.state }),
    async finish(_inputs, job) {
      calls.push("finish");
      return { outs: { name: job.name, state: "done" } };
    },
    async record(_inputs, job, situation) {
      calls.push(`record(${situation.failed ? "failed" : "unfinished"})`);
      return { name: job.name, state: situation.failed ? "failed" : "pending" };
    },
    failureMessage: (job, reason) => `job ${job.name} ${reason}`,
    onFailedCreate:
      options.onFailedCreate === "delete"
        ? {
            action: "delete",
            discard: async (job) => {
              calls.push("discard");
              jobs.delete(job.name);
            },
            advice: "it was deleted",
          }
        : { action: "keep", advice: "it produced nothing" },
    async generate(_outs, prompt) {
      calls.push("generate");
      return (options.reply ?? ((text: string) => text))(prompt);
    },
    servingName: (outs) => String(outs.name),
    async discardCandidate(job) {
      calls.push("discardCandidate");
      jobs.delete(job.name);
    },
  };
  return { backend, jobs, calls };
}
