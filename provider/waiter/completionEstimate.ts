import { clip, linearRange, rectangle, type HalfPlane, type Point } from "./convexPolygon";

/** One look at a job's progress, timed by the waiter's clock. */
export interface ProgressObservation {
  /** When the poll was sent. */
  sentAt: number;
  /** When its answer arrived. */
  receivedAt: number;
  /** Units finished (steps, or percent when the job reports only that). */
  completed: number;
  /** Units in the whole job. */
  total: number;
  /** Whether units are whole steps or a percentage (which may move in uneven increments). */
  unit: "step" | "percent";
  /**
   * Server timestamps of finished steps (the snapshots' `computeTime`, as epoch ms): the earliest and the
   * latest the answer listed. They give the pace exactly, and the phase too once the server's clock is
   * related to ours.
   */
  stepTimes?: ReadonlyArray<{ step: number; at: number }>;
}

/** Options of {@link estimateCompletion}. */
export interface EstimateOptions {
  /** Granularity of the progress counter: 1 for steps. */
  quantum?: number;
  /** Tolerance for clock jitter and server-side rounding, in ms. */
  slackMs?: number;
  /**
   * How far the server's clock is assumed to be from ours (ms) when reading step timestamps. Within it,
   * a timestamp says when a step finished on our clock; the bracketing by polls then tightens that. A
   * larger real skew shows up as a contradiction, and the timestamps are then set aside.
   */
  clockSkewMs?: number;
}

// Bounds of the search box: 100 days covers any tuning job; beyond it the estimate counts as unbounded.
const HORIZON_MS = 100 * 24 * 3600 * 1000;
const MIN_UNIT_MS = 1e-3;

/**
 * Where a job's end can lie, given what was observed.
 *
 * Model: units complete at a constant pace after a start time, so unit k finishes at `a + k·d`. An
 * observation of `c` finished units between `sentAt` and `receivedAt` says unit c had finished by
 * `receivedAt` and unit c+1 had not by `sentAt`; each is a half-plane in the (a, d) plane. Their
 * intersection (the feasible region) holds every start and pace consistent with what was seen, and the
 * end `a + total·d` ranges over a window read off its vertices. One whole-unit count is coarse, but many
 * together pin down both the pace and the phase of the step clock, which is what lets the waiter sleep
 * through most of a long job and still notice the end within a fraction of a second. The server's own
 * step timestamps (snapshots' `computeTime`) fix the pace as soon as two steps are listed, and the phase
 * to within an assumed clock skew.
 */
export class CompletionEstimate {
  /** Units in the whole job. */
  readonly total: number;
  /** How many of the most recent observations the estimate rests on (older ones contradicted them). */
  readonly observationsUsed: number;
  readonly #region: Point[];
  readonly #origin: number;

  /** @internal Use {@link estimateCompletion}. */
  constructor(region: Point[], origin: number, total: number, observationsUsed: number) {
    this.#region = region;
    this.#origin = origin;
    this.total = total;
    this.observationsUsed = observationsUsed;
  }

  /** Earliest time the last unit can finish. */
  get finishLo(): number {
    return this.unitWindow(this.total).lo;
  }

  /** Latest time the last unit can finish; `Infinity` while the observations cannot bound it. */
  get finishHi(): number {
    return this.unitWindow(this.total).hi;
  }

  /** The window in which unit `k` finishes (`hi` is `Infinity` when unbounded). */
  unitWindow(k: number): { lo: number; hi: number } {
    return windowOf(this.#region, k, this.#origin);
  }
}

function windowOf(region: readonly Point[], k: number, origin: number): { lo: number; hi: number } {
  const { min, max } = linearRange(region, 1, k);
  return { lo: min + origin, hi: max >= HORIZON_MS / 2 ? Infinity : max + origin };
}

/**
 * The estimate from the observations, dropping the oldest while they contradict each other (real jobs
 * are not perfectly steady). Undefined when there is nothing to go on.
 */
export function estimateCompletion(observations: readonly ProgressObservation[], options: EstimateOptions = {}): CompletionEstimate | undefined {
  if (observations.length === 0) return undefined;
  const quantum = options.quantum ?? 1;
  const slack = options.slackMs ?? 25;
  const skew = options.clockSkewMs ?? 1000;
  for (let first = 0; first < observations.length; first++) {
    const used = observations.slice(first);
    const origin = used[0].sentAt;
    for (const withTimestamps of [true, false]) {
      const planes = used.flatMap((o) => observationPlanes(relativeTo(o, origin), quantum, slack));
      if (withTimestamps) planes.push(...timestampPlanes(used, origin, skew, slack));
      else if (!used.some((o) => o.stepTimes?.length)) continue;
      const region = feasibleRegion(planes, used.at(-1)!.receivedAt - origin);
      if (region.length > 0) return new CompletionEstimate(region, origin, used.at(-1)!.total, used.length);
    }
  }
  return undefined;
}

function relativeTo(o: ProgressObservation, origin: number): ProgressObservation {
  return { ...o, sentAt: o.sentAt - origin, receivedAt: o.receivedAt - origin };
}

function feasibleRegion(planes: readonly HalfPlane[], latest: number): Point[] {
  // x = start time relative to the first observation used, y = time per unit.
  let region: Point[] = rectangle(-HORIZON_MS, latest + HORIZON_MS, MIN_UNIT_MS, HORIZON_MS);
  for (const plane of planes) {
    region = clip(region, plane);
    if (region.length === 0) return region;
  }
  return region;
}

/**
 * What the server's step timestamps say. The latest step k finished at server time `at`, i.e. within
 * `skew` of `at` on our clock: a + k·d ∈ [at − skew, at + skew]. Two steps' timestamps share the server's
 * clock, so their difference gives the pace regardless of skew: d = (at_j − at_i) / (j − i), to within
 * the slack.
 */
function timestampPlanes(observations: readonly ProgressObservation[], origin: number, skew: number, slack: number): HalfPlane[] {
  const times = observations.flatMap((o) => o.stepTimes ?? []).filter((t) => Number.isFinite(t.at) && t.step > 0);
  if (times.length === 0) return [];
  let earliest = times[0];
  let latest = times[0];
  for (const t of times) {
    if (t.step < earliest.step) earliest = t;
    if (t.step > latest.step) latest = t;
  }
  const planes: HalfPlane[] = [
    { ax: 1, ay: latest.step, c: latest.at - origin + skew },
    { ax: -1, ay: -latest.step, c: -(latest.at - origin - skew) },
  ];
  if (latest.step > earliest.step) {
    const steps = latest.step - earliest.step;
    const span = latest.at - earliest.at;
    planes.push({ ax: 0, ay: 1, c: (span + 2 * slack) / steps }, { ax: 0, ay: -1, c: -(span - 2 * slack) / steps });
  }
  return planes;
}

function observationPlanes(o: ProgressObservation, quantum: number, slack: number): HalfPlane[] {
  const planes: HalfPlane[] = [];
  // Unit `completed` had finished by the time the answer came back: a + completed·d ≤ receivedAt.
  if (o.completed > 0) planes.push({ ax: 1, ay: o.completed, c: o.receivedAt + slack });
  // The next unit had not finished when the poll went out: a + (completed + quantum)·d > sentAt.
  if (o.completed < o.total) planes.push({ ax: -1, ay: -(o.completed + quantum), c: -(o.sentAt - slack) });
  return planes;
}
