/**
 * The seam between the core and each half of the emulator (Gemini API, Vertex AI). The core drives both halves
 * through it alone: it brings their jobs up to the training clock, moves them past a pause, saves and loads
 * their part of the state file, and forgets their records or their planned failures.
 */
import { ServedRoute } from "./routes/types";

/** One half of the emulator, with `S` its part of the state file. */
export interface ServiceHalf<S> {
  /** The half's API routes, bound to it. */
  readonly routes: readonly ServedRoute[];
  /** Runs the training steps due by `now` (epoch ms on the training clock). */
  advance(now: number, stepMs: number): void;
  /** Moves running jobs past a pause from `pausedAt` to `now`, so they continue as if it had not happened. */
  shiftForPause(pausedAt: number, now: number): void;
  /** The half's part of the state file. */
  snapshot(): S;
  /** Replaces the half's records with `state` (from the state file). */
  load(state: S): void;
  /** Forgets every record of the half. */
  reset(): void;
  /** Drops every planned failure, pending or attached to a running job. */
  clearFailures(): void;
}
