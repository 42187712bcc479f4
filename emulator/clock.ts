/**
 * The training clock: the wall clock, except that training can be paused globally (tests use this to stop a
 * deploy at a known point) and the step time can change at run time.
 */
import { nowMs } from "./json/timestamps";

/** Holds the step time and the paused state. */
export class TrainingClock {
  private pausedAtMs: number | undefined;

  /** @param stepMs wall-clock milliseconds per training step */
  constructor(public stepMs: number) {}

  /** Whether training is paused. */
  get paused(): boolean {
    return this.pausedAtMs !== undefined;
  }

  /** The time training has reached: now, or the moment training was paused. */
  trainingNow(now: number = nowMs()): number {
    return this.pausedAtMs ?? now;
  }

  /** Freezes training time at `now`. A second pause keeps the first pause time. */
  pause(now: number = nowMs()): void {
    this.pausedAtMs ??= now;
  }

  /**
   * Unfreezes; returns the moment training had been paused at (undefined if it was not paused), so running
   * jobs can shift their anchors past the pause.
   */
  resume(): number | undefined {
    const pausedAt = this.pausedAtMs;
    this.pausedAtMs = undefined;
    return pausedAt;
  }
}
