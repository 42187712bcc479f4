import type { Classification } from "../waiter";
import type { GenerationSettings } from "./evaluation/settings";

/**
 * The seam between the one resource lifecycle and a backend's tuning service: how a job is started,
 * looked up, polled and turned into outputs. Everything else (waiting, deadlines, interruption, what an
 * outcome means for Pulumi state) is decided once, in `trainingJob.ts`.
 */
export interface TrainingBackend<Inputs, Job> {
  /**
   * Starts the job, or finds the one an earlier attempt of this very create started. Backends differ on
   * purpose here: Gemini submits first (the id is explicit) and resolves a 409; Vertex picks ids itself,
   * so it looks for an earlier attempt by its creation label first.
   */
  submitOrResume(inputs: Inputs): Promise<Job>;
  /** The recorded job as the service has it now (resuming after an earlier `up`); undefined when gone. */
  lookUp(id: string, recorded: Record<string, unknown>, inputs: Inputs): Promise<Job | undefined>;
  /** The line printed when `up` resumes waiting for a recorded job (names its state as the service reports it). */
  resumeLine(job: Job): string;
  /** The resource id of a job. */
  idOf(job: Job): string;
  /** What a job is called in progress and timeout messages. */
  nameOf(job: Job): string;
  /** One look at the job, for the waiter. */
  poll(job: Job, signal: AbortSignal): Promise<Job>;
  /** Progress lines while waiting: a reporter for this job, called with every answer. */
  reporter(job: Job): (answer: Job) => void;
  /** The backend's reading of its own states: pending, succeeded, failed (with why). */
  classify(job: Job): Classification;
  /**
   * Longest wait between polls while the job reports no progress (the waiter's
   * `maxDelayWithoutProgressMs`): set by a backend whose jobs never report any, to bound how late the end
   * is noticed. Unset: the waiter's default.
   */
  maxDelayWithoutProgressMs?: number;
  /** A job the waiter called succeeded: read what it produced into outputs, or say why it did not. */
  finish(inputs: Inputs, job: Job): Promise<{ outs: Record<string, unknown> } | { failure: string }>;
  /** Outputs recording an unfinished or failed job (`interrupted`: no time for another request). */
  record(inputs: Inputs, job: Job, situation: { failed: boolean; interrupted: boolean }): Promise<Record<string, unknown>>;
  /** The message of a failed job, from the classifier's reason. */
  failureMessage(job: Job, reason: string): string;
  /**
   * What a job that failed during `create` leaves behind. `delete`: the failed model holds a name the next
   * attempt needs (Gemini); `keep`: it produced nothing and the service keeps it as history (Vertex).
   */
  onFailedCreate: { action: "delete"; discard(job: Job): Promise<void>; advice: string } | { action: "keep"; advice: string };
  /**
   * The quality gate's one call: the reply of the model the outputs describe to `prompt`, on the
   * backend's own generateContent (through the one HTTP layer and its retries).
   */
  generate(outs: Record<string, unknown>, prompt: string, settings: GenerationSettings, signal: AbortSignal): Promise<string>;
  /** What serves the model the outputs describe (the tuned model, or the job's endpoint), for progress and errors. */
  servingName(outs: Record<string, unknown>): string;
  /** Removes a trained model that failed its evaluation gate, with everything it produced. */
  discardCandidate(job: Job): Promise<void>;
}

/** How one wait for a job ended. */
export type Outcome<Job> =
  | { kind: "succeeded"; job: Job; outs: Record<string, unknown> }
  | { kind: "failed"; job: Job; message: string }
  | { kind: "unfinished"; job: Job; message: string; interrupted: boolean };
