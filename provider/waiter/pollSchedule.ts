import { estimateCompletion, type CompletionEstimate, type ProgressObservation } from "./completionEstimate";

/** Tuning of the adaptive schedule. */
export interface PollScheduleOptions {
  /** Shortest wait between polls; also the interval once the job may be finishing at any moment. */
  minDelayMs: number;
  /** Longest wait between polls. */
  maxDelayMs: number;
  /** While nothing bounds the end: wait this fraction of the time already waited (patience grows). */
  discoveryGrowth: number;
  /** Once the end is bounded: wait at most this fraction of the time left before the earliest possible end. */
  approachFraction: number;
}

/** Defaults: 0.5 s to 60 s; patient early, fast near the end. */
export const DEFAULT_POLL_SCHEDULE: PollScheduleOptions = Object.freeze({
  minDelayMs: 500,
  maxDelayMs: 60_000,
  discoveryGrowth: 0.5,
  approachFraction: 0.75,
});

/** Within this many short intervals of the window, the next poll goes straight into it. */
const ENTRY_LEAD = 10;
/**
 * Bisecting costs about one poll per halving, polling through a window of width W costs W / minDelay: so
 * sharpening the window pays only while it is wider than a few short intervals.
 */
const REFINE_WIDTH = 4;

/** Past every estimate, the interval grows by this fraction of the overrun. */
const OVERDUE_GROWTH = 0.1;

/** What the schedule decided, with the reason (for logs and tests). */
export interface PollDecision {
  /** Wait before the next poll. */
  delayMs: number;
  /** `discovery` (pace unknown), `approach` (end bounded, still ahead), `finishing` (end may be now). */
  phase: "discovery" | "approach" | "finishing";
  /** Earliest and latest possible end, when known. */
  finishWindow?: { lo: number; hi: number };
}

/**
 * Chooses the wait before the next poll from the progress seen so far.
 *
 * - Pace unknown (fewer than two steps seen finishing, or no counter at all): wait a growing fraction of
 *   the time already waited, like any patient poller.
 * - End bounded ({@link estimateCompletion}): while the window of possible end times is still wide, poll
 *   when the next step is predicted to finish (the middle of its window): whatever the answer, it halves
 *   what is known about the phase of the step clock, so the last step's window is narrow by the time it
 *   comes. Otherwise wait a fraction of the time left before the earliest possible end, so a misjudged
 *   pace is caught by a few looks on the way.
 * - At the window: first look just inside it, then at the short interval until done. Past it (the job is
 *   later than the estimate allowed, or all steps are reported but no result yet), the short interval,
 *   growing slowly with the overrun.
 */
export function nextPollDelay(
  observations: readonly ProgressObservation[],
  now: number,
  options: PollScheduleOptions = DEFAULT_POLL_SCHEDULE,
  waitStartedAt: number = observations[0]?.sentAt ?? now,
): PollDecision {
  const { minDelayMs, maxDelayMs } = options;
  const clamp = (ms: number) => Math.min(maxDelayMs, Math.max(minDelayMs, ms));
  const last = observations.at(-1);
  const discovery = clamp(options.discoveryGrowth * (now - waitStartedAt));
  if (last === undefined) return { delayMs: discovery, phase: "discovery" };
  if (last.total > 0 && last.completed >= last.total) {
    // Every step is done but the result is not published yet: it should be a moment away.
    const allStepsSeenAt = observations.find((o) => o.completed >= o.total)?.receivedAt ?? now;
    return { delayMs: overdueDelay(now - allStepsSeenAt, options), phase: "finishing" };
  }

  const estimate = estimateCompletion(observations, { quantum: quantumOf(observations) });
  if (estimate === undefined) return { delayMs: discovery, phase: "discovery" };
  const finishLo = estimate.finishLo;
  const finishHi = estimate.finishHi;
  const finishWindow = { lo: finishLo, hi: finishHi };
  const untilEarliestEnd = finishLo - now;
  if (finishHi === Infinity) {
    // The end cannot come before finishLo, but how long after is unknown: stay patient.
    return { delayMs: clamp(Math.max(discovery, options.approachFraction * untilEarliestEnd)), phase: "discovery", finishWindow };
  }
  if (now >= finishLo - minDelayMs / 2) {
    return { delayMs: now > finishHi ? overdueDelay(now - finishHi, options) : minDelayMs, phase: "finishing", finishWindow };
  }

  const width = finishHi - finishLo;
  if (untilEarliestEnd <= ENTRY_LEAD * minDelayMs) {
    // Seconds away: creeping closer costs polls and teaches nothing. The first look inside the window is
    // late enough to be useful, early enough to keep the latency short.
    const entry = finishLo + Math.min(0.9 * minDelayMs, width);
    return { delayMs: clamp(entry - now), phase: "approach", finishWindow };
  }
  const patient = now + Math.min(maxDelayMs, options.approachFraction * untilEarliestEnd);
  const refine = width > REFINE_WIDTH * minDelayMs && last.unit === "step" ? bisectionTime(estimate, last.completed, now + minDelayMs, now + maxDelayMs, width) : undefined;
  return { delayMs: clamp((refine ?? patient) - now), phase: "approach", finishWindow };
}

/**
 * The short interval, growing slowly (a tenth of the overrun) once the job is later than every estimate
 * allowed: it keeps the delay in noticing small against the overrun without polling a stalled job twice
 * a second for ever.
 */
function overdueDelay(overdueMs: number, options: PollScheduleOptions): number {
  return Math.min(options.maxDelayMs, Math.max(options.minDelayMs, OVERDUE_GROWTH * overdueMs));
}

/**
 * Sequential bisection of the step clock: the middle of the window of the next step that will finish
 * (not before `earliest`, not after `latest`). Whatever the poll then reports, that step's window halves,
 * and with it the uncertainty about the phase of every later step, the last one included. Only worth it
 * while the end window is wide because of the phase, i.e. while the step's own window is a good part of
 * the end window; when the pace is what is uncertain, time spent waiting is what sharpens it, not polls.
 */
function bisectionTime(estimate: CompletionEstimate, completed: number, earliest: number, latest: number, endWidth: number): number | undefined {
  for (let k = Math.floor(completed) + 1; k < estimate.total; k++) {
    const { lo, hi } = estimate.unitWindow(k);
    if (lo > latest) return undefined;
    const middle = (lo + hi) / 2;
    if (middle < earliest) continue;
    if (middle > latest) return undefined;
    return hi - lo >= endWidth / 4 ? middle : undefined;
  }
  return undefined;
}

/**
 * Granularity of the counter: whole steps when the job reports steps; for a percent-only counter, the
 * smallest rise seen (a multiple of the true increment, so never tighter than the truth), or the whole
 * range until it has risen.
 */
function quantumOf(observations: readonly ProgressObservation[]): number {
  const last = observations.at(-1)!;
  if (last.unit === "step") return 1;
  let smallest = last.total;
  for (let i = 1; i < observations.length; i++) {
    const rise = observations[i].completed - observations[i - 1].completed;
    if (rise > 1e-9 && rise < smallest) smallest = rise;
  }
  return smallest;
}
