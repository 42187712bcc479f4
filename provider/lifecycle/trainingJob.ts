import { shutdownSignal } from "../runtime/shutdownSignal";
import { PollError, waitUntil, WaitFailedError, WaitTimeoutError, type WaitError } from "../waiter";
import type { Outcome, TrainingBackend } from "./backend";
import { gateCandidate } from "./evaluation/gate";
import type { CheckedEvaluation } from "./evaluation/settings";
import { settle, type CreateResult } from "./settle";
import { timeoutMs, type TimeoutsInput } from "./timeouts";

/**
 * `create` of a training resource: submit (or find the earlier attempt's job), wait, settle, and when the
 * resource has an `evaluation`, pass its quality gate (see `evaluation/gate.ts`). Idempotent through the
 * backend's `submitOrResume`; an interruption or the deadline leaves the job recorded.
 */
export async function createTrainingJob<Inputs extends { timeouts?: TimeoutsInput; evaluation?: CheckedEvaluation }, Job>(
  backend: TrainingBackend<Inputs, Job>,
  inputs: Inputs,
): Promise<CreateResult> {
  // From here on an interruption must be reported as partial state, not end the process mid-create.
  shutdownSignal();
  const job = await backend.submitOrResume(inputs);
  const outcome = await awaitJob(backend, inputs, job);
  const result = await settle(backend, inputs, outcome, "create");
  if (inputs.evaluation === undefined) return result;
  return { id: result.id, outs: await gateCandidate(backend, inputs.evaluation, outcome.job, result.outs) };
}

/**
 * The resume path of `update`: a job an interrupted or timed-out create recorded is waited for, with the
 * create deadline. Gone since: an error that says to refresh.
 */
export async function resumeTrainingJob<Inputs extends { timeouts?: TimeoutsInput }, Job>(
  backend: TrainingBackend<Inputs, Job>,
  id: string,
  recorded: Record<string, unknown>,
  inputs: Inputs,
): Promise<CreateResult> {
  shutdownSignal(); // see createTrainingJob: an interrupted resume is reported, not lost
  const job = await backend.lookUp(id, recorded, inputs);
  if (job === undefined) throw new Error(`${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to train it again`);
  console.log(backend.resumeLine(job));
  return settle(backend, inputs, await awaitJob(backend, inputs, job), "resume");
}

/** Waits for the job unless it is final already, and says how it ended. Never throws for the ways a wait ends. */
export async function awaitJob<Inputs extends { timeouts?: TimeoutsInput }, Job>(backend: TrainingBackend<Inputs, Job>, inputs: Inputs, job: Job): Promise<Outcome<Job>> {
  const limit = timeoutMs(inputs, "create");
  const signal = shutdownSignal();
  let finished = job;
  const first = backend.classify(job);
  if (first.state === "failed") return { kind: "failed", job, message: backend.failureMessage(job, first.reason) };
  if (first.state === "pending") {
    try {
      finished = await waitUntil({
        name: backend.nameOf(job),
        poll: (pollSignal) => backend.poll(job, pollSignal),
        classify: (answer) => backend.classify(answer),
        onObservation: backend.reporter(job),
        maxDelayWithoutProgressMs: backend.maxDelayWithoutProgressMs,
        timeoutMs: limit,
        signal,
      });
    } catch (error) {
      const last = (error as Partial<WaitError<Job>>).lastObserved ?? job;
      if (error instanceof WaitFailedError) return { kind: "failed", job: last, message: backend.failureMessage(last, error.reason) };
      const name = backend.nameOf(job);
      const message = signal.aborted
        ? `the deploy was interrupted while ${name} was training`
        : error instanceof WaitTimeoutError
          ? `${name} was still training after the create timeout (${Math.round(limit / 1000)}s)`
          : error instanceof PollError
            ? error.message // already "could not poll <job>: <why>"
            : `waiting for ${name} failed: ${(error as Error).message}`;
      return { kind: "unfinished", job: last, message, interrupted: signal.aborted };
    }
  }
  const result = await backend.finish(inputs, finished);
  return "failure" in result ? { kind: "failed", job: finished, message: result.failure } : { kind: "succeeded", job: finished, outs: result.outs };
}
