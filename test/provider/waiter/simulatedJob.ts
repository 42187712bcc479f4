import { TuningOperationSchema as OperationSchema, type TuningOperation as Operation } from "../../../provider/gemini/wire";
import type { SimulatedClock } from "../../harness/simulatedClock";

/** A tuning job as the service would report it, on the simulated clock. */
export interface SimulatedJobOptions {
  /** Training time from start to the last step. */
  durationMs: number;
  /** Steps in the job. */
  totalSteps: number;
  /** Time before the first step starts (queueing). */
  queueMs?: number;
  /** Round trip of one poll; half on the way out, half back. */
  rttMs?: number;
  /** Include snapshots with `computeTime` (the real service and the emulator do). */
  snapshots?: boolean;
  /** Server clock minus ours, applied to `computeTime`. */
  serverClockOffsetMs?: number;
  /** Report only `completedPercent`, no step counts. */
  percentOnly?: boolean;
  /** Report no metadata at all (a generic long-running operation). */
  noMetadata?: boolean;
  /** Fail with this status when this step is reached. */
  failAtStep?: { step: number; code: number; message: string };
  /** Finish with `done: true` but neither response nor error (a broken server). */
  doneWithoutResult?: boolean;
}

/** The job: a `poll` for the waiter, the time it ends, and how often it was polled. */
export interface SimulatedJob {
  poll: (signal: AbortSignal) => Promise<Operation>;
  endsAt: number;
  polls: number;
  stepTime(step: number): number;
}

const NAME = "tunedModels/sim-model/operations/abcdefghijkl";

/** Builds a job that starts now on `clock`. */
export function simulatedJob(clock: SimulatedClock, options: SimulatedJobOptions): SimulatedJob {
  const start = clock.now() + (options.queueMs ?? 0);
  const stepMs = options.durationMs / options.totalSteps;
  const rtt = options.rttMs ?? 4;
  const stepTime = (step: number) => start + step * stepMs;
  const failAt = options.failAtStep;
  const endsAt = failAt ? stepTime(failAt.step) : stepTime(options.totalSteps);
  const job: SimulatedJob = {
    endsAt,
    polls: 0,
    stepTime,
    poll: async (signal) => {
      await clock.sleep(rtt / 2, signal);
      job.polls++;
      const operation = describe(clock.now());
      await clock.sleep(rtt / 2, signal);
      return OperationSchema.parse(operation);
    },
  };

  function describe(now: number): unknown {
    const completed = Math.max(0, Math.min(options.totalSteps, Math.floor((now - start) / stepMs + 1e-9)));
    if (failAt && completed >= failAt.step) {
      return { name: NAME, metadata: metadata(failAt.step - 1), done: true, error: { code: failAt.code, message: failAt.message } };
    }
    const done = completed >= options.totalSteps;
    if (!done) return { name: NAME, metadata: metadata(completed) };
    if (options.doneWithoutResult) return { name: NAME, metadata: metadata(completed), done: true };
    return {
      name: NAME,
      metadata: metadata(completed),
      done: true,
      response: { "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.TunedModel", name: "tunedModels/sim-model", state: "ACTIVE" },
    };
  }

  function metadata(completed: number): Record<string, unknown> | undefined {
    if (options.noMetadata) return undefined;
    const base: Record<string, unknown> = {
      "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata",
      tunedModel: "tunedModels/sim-model",
    };
    if (options.percentOnly) {
      if (completed > 0) base.completedPercent = (100 * completed) / options.totalSteps;
      return base;
    }
    base.totalSteps = options.totalSteps;
    if (completed > 0) {
      base.completedSteps = completed;
      base.completedPercent = (100 * completed) / options.totalSteps;
      if (options.snapshots !== false) {
        base.snapshots = Array.from({ length: completed }, (_, i) => ({
          step: i + 1,
          epoch: 1 + Math.floor((i * 5) / options.totalSteps),
          meanLoss: 0.2 + 6 * Math.exp((-3 * (i + 1)) / options.totalSteps),
          computeTime: new Date(stepTime(i + 1) + (options.serverClockOffsetMs ?? 0)).toISOString(),
        }));
      }
    }
    return base;
  }

  return job;
}
