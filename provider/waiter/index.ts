/** Waiting for long-running jobs with a progress-adaptive schedule; knows no service. */
export { waitUntil, type WaitUntilOptions, type Classification, type ProgressReading } from "./waitUntil";
export { WaitError, WaitTimeoutError, WaitAbortedError, PollError, WaitFailedError, type WaitContext } from "./errors";
export { throttledReporter, type ThrottledReporterOptions } from "./throttledReporter";
export { nextPollDelay, DEFAULT_POLL_SCHEDULE, type PollDecision, type PollScheduleOptions } from "./pollSchedule";
export { estimateCompletion, CompletionEstimate, type ProgressObservation, type EstimateOptions } from "./completionEstimate";
export { systemClock, type WaiterClock } from "./clock";
export { startLongTimer, longTimeoutSignal, MAX_TIMER_DELAY_MS } from "./longTimer";
