/** Waiting for long-running operations with a progress-adaptive schedule. */
export { waitForOperation, type WaitForOperationOptions } from "./waitForOperation";
export {
  WaitError,
  WaitTimeoutError,
  WaitAbortedError,
  OperationPollError,
  OperationFailedError,
  OperationResultMissingError,
} from "./waiterErrors";
export { progressReporter, formatProgressLine, type ProgressReporterOptions } from "./progressReporter";
export { nextPollDelay, DEFAULT_POLL_SCHEDULE, type PollDecision, type PollScheduleOptions } from "./pollSchedule";
export { estimateCompletion, CompletionEstimate, type ProgressObservation, type EstimateOptions } from "./completionEstimate";
export { progressObservation } from "./observe";
export { systemClock, type WaiterClock } from "./clock";
export { operationProgress, type OperationProgress } from "../gemini/operationProgress";
