/**
 * The error shape the Node dynamic-provider host turns into `ErrorResourceInitFailed`: the engine then
 * records the resource with these properties (and the reasons as init errors) instead of forgetting it.
 * That is how a create that started a training job and then timed out or was interrupted keeps the job:
 * the next `pulumi up` sees the recorded model and resumes waiting instead of starting a second job.
 */
export class PartialStateError extends Error {
  /** The resource id the engine records. */
  readonly id: string;
  /** The outputs the engine records. */
  readonly properties: Record<string, unknown>;
  /** Why the resource is not finished; shown by the engine. */
  readonly reasons: string[];

  constructor(message: string, id: string, properties: Record<string, unknown>) {
    super(message);
    this.name = "PartialStateError";
    this.id = id;
    this.properties = properties;
    this.reasons = [message];
  }
}
