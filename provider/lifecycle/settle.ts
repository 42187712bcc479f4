import { PartialStateError } from "../runtime/partialStateError";
import type { Outcome, TrainingBackend } from "./backend";

/** What `create` returns to the engine (and a resumed wait hands to `update`). */
export interface CreateResult {
  /** The resource id. */
  id: string;
  /** The resource's outputs. */
  outs: Record<string, unknown>;
}

/** Whether the wait belonged to a `create` or resumed a job an earlier `up` recorded. */
export type Phase = "create" | "resume";

/**
 * What the engine should record for how a wait ended; every message is written here once.
 *
 * - succeeded: the outputs.
 * - unfinished (deadline, interruption, a poll that kept failing): partial state, so the engine records
 *   the job and the next `up` resumes waiting instead of training twice.
 * - failed during `create`: an error; the backend's `onFailedCreate` says what the job leaves behind.
 * - failed while resuming a recorded job (both backends alike): partial state recording the failure, so
 *   the next preview proposes a replacement instead of every `up` stumbling over the failed job again.
 */
export async function settle<Inputs, Job>(backend: TrainingBackend<Inputs, Job>, inputs: Inputs, outcome: Outcome<Job>, phase: Phase): Promise<CreateResult> {
  const id = backend.idOf(outcome.job);
  switch (outcome.kind) {
    case "succeeded":
      return { id, outs: outcome.outs };
    case "unfinished": {
      const outs = await backend.record(inputs, outcome.job, { failed: false, interrupted: outcome.interrupted });
      throw new PartialStateError(`${outcome.message}; the job keeps training and the next \`pulumi up\` resumes waiting for it`, id, outs);
    }
    case "failed": {
      if (phase === "resume") {
        const outs = await backend.record(inputs, outcome.job, { failed: true, interrupted: false });
        throw new PartialStateError(
          `${outcome.message}; the failure is recorded and the next \`pulumi preview\` proposes to replace it: fix the cause and run \`pulumi up\``,
          id,
          outs,
        );
      }
      const leftover = backend.onFailedCreate;
      // Nothing half-made stays behind unrecorded: either it is removed, or it is nothing to manage.
      if (leftover.action === "delete") await leftover.discard(outcome.job).catch(() => undefined);
      throw new Error(`${outcome.message}; ${leftover.advice}`);
    }
  }
}
