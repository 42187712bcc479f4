/**
 * An AbortSignal for "this provider process should stop waiting": SIGINT or SIGTERM, or the engine that
 * started us is gone (we were re-parented). Long waits race against it so that an interrupted deploy
 * records the job it started (partial state) instead of hanging or being killed mid-wait.
 */
let controller: AbortController | undefined;

/** The process-wide shutdown signal; installs the handlers on first use. */
export function shutdownSignal(): AbortSignal {
  if (controller !== undefined) return controller.signal;
  const created = new AbortController();
  controller = created;
  const stop = (reason: string) => {
    if (created.signal.aborted) return;
    created.abort(new Error(reason));
    // In-flight creates report partial state within milliseconds of the abort; then leave, because the
    // engine waits for this process to exit before it finishes cancelling.
    setTimeout(() => process.exit(1), 1_000).unref();
  };
  process.once("SIGINT", () => stop("interrupted (SIGINT)"));
  process.once("SIGTERM", () => stop("terminated (SIGTERM)"));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop("the Pulumi engine exited");
  }, 1_000).unref();
  return created.signal;
}
