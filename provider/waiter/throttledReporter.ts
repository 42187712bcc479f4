/** Options of {@link throttledReporter}. */
export interface ThrottledReporterOptions {
  /** Minimum time between lines. Default 10 s: the engine shows provider output as plain lines. */
  intervalMs?: number;
  /** Time source (tests). */
  now?: () => number;
}

/**
 * Writes progress lines at most once per interval (the first at once). A line marked `force` (the
 * outcome, a state change) is always written, so the log ends with how the job ended. The text comes
 * from the caller: each backend's poller words its own progress.
 */
export function throttledReporter(write: (line: string) => void, options: ThrottledReporterOptions = {}): (line: string, force?: boolean) => void {
  const intervalMs = options.intervalMs ?? 10_000;
  const now = options.now ?? Date.now;
  let lastWrittenAt: number | undefined;
  return (line, force = false) => {
    const at = now();
    if (!force && lastWrittenAt !== undefined && at - lastWrittenAt < intervalMs) return;
    lastWrittenAt = at;
    write(line);
  };
}
