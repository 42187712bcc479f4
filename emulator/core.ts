/**
 * The emulator's state and the operations on it that are not tied to one request: training advancement,
 * pause/resume, step time, persistence and reset. It composes the two halves (Gemini API, Vertex AI) through
 * the seam in `half.ts` and owns what both share: the training clock, faults, the request log and issued
 * tokens. Route handlers see only their half; the control API works through this object.
 */
import { TrainingClock } from "./clock";
import { FaultRegistry } from "./faults";
import { createGeminiHalf, GeminiService } from "./gemini";
import { ServiceHalf } from "./half";
import { nowMs } from "./json/timestamps";
import { TokenRequestRecord } from "./oauth";
import { ResolvedOptions } from "./options";
import { StateFileWriter } from "./persistence";
import { RequestRecorder } from "./requestLog";
import { ServedRoute } from "./routes/types";
import { emptyState, PersistedState } from "./state";
import { TokenStore } from "./tokens";
import { createVertexHalf, VertexService } from "./vertex";
import { emptyVertexState } from "./vertex/state";

/** Everything a running emulator holds. */
export class EmulatorCore {
  /** Incremented on every change; the request pipeline compares it to know whether to write the state file. */
  version = 0;
  readonly clock: TrainingClock;
  readonly gemini: GeminiService;
  readonly vertex: VertexService;
  readonly tokens: TokenStore;
  readonly faults = new FaultRegistry();
  readonly recorder = new RequestRecorder();
  readonly tokenRequests: TokenRequestRecord[] = [];
  /** Every API route of both halves, in match order. */
  readonly routes: readonly ServedRoute[];
  private readonly halves: readonly ServiceHalf<unknown>[];
  private readonly writer: StateFileWriter | undefined;

  /**
   * @param options resolved options
   * @param initial state loaded from the state file
   */
  constructor(
    readonly options: ResolvedOptions,
    initial: PersistedState = emptyState(),
  ) {
    const touch = (): void => this.touch();
    this.clock = new TrainingClock(options.stepMs);
    this.gemini = createGeminiHalf(options, touch);
    this.vertex = createVertexHalf(options.vertex, this.clock, touch);
    this.tokens = new TokenStore(touch);
    this.halves = [this.gemini, this.vertex];
    this.routes = [...this.gemini.routes, ...this.vertex.routes];
    this.load(initial);
    this.writer = options.stateFile ? new StateFileWriter(options.stateFile, () => this.snapshot()) : undefined;
  }

  /** Marks the state as changed. */
  touch(): void {
    this.version++;
  }

  /** The state as written to the state file (the 0.1.0 layout: see `state.ts`). */
  snapshot(): PersistedState {
    const { models, jobsCreated, jobsById, pendingFailures } = this.gemini.snapshot();
    return {
      version: 1,
      models,
      jobsCreated,
      jobsById,
      pendingFailures,
      tokens: this.tokens.snapshot(),
      vertex: this.vertex.snapshot(),
    };
  }

  private load(state: PersistedState): void {
    this.gemini.load(state);
    this.vertex.load(state.vertex ?? emptyVertexState());
    this.tokens.load(state.tokens);
  }

  /** Brings every running job of both halves up to the training clock. */
  advanceTraining(): void {
    const now = this.clock.trainingNow();
    for (const half of this.halves) half.advance(now, this.clock.stepMs);
  }

  /** Pauses training everywhere; jobs keep the progress they had. */
  pauseTraining(): void {
    this.advanceTraining();
    this.clock.pause();
  }

  /** Resumes training; running jobs continue as if the pause had not happened (their anchors move past it). */
  resumeTraining(): void {
    const pausedAt = this.clock.resume();
    if (pausedAt === undefined) return;
    const now = nowMs();
    for (const half of this.halves) half.shiftForPause(pausedAt, now);
    this.touch();
  }

  /** Changes the step time; steps already due under the old time are counted first. */
  setStepMs(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`stepMs must be a number >= 0 (got ${ms}).`);
    this.advanceTraining();
    this.clock.stepMs = ms;
  }

  /** Drops every planned failure (pending, or attached to running jobs) of both halves. */
  clearFailures(): void {
    for (const half of this.halves) half.clearFailures();
  }

  /** Writes the state file if there is one; resolves when the current state is on disk. */
  async persist(): Promise<void> {
    await this.writer?.save();
  }

  /** Persists without waiting (for synchronous control calls); a failed write is logged. */
  persistSoon(): void {
    this.persist().catch((err: unknown) => this.options.log?.(`state file write failed: ${(err as Error).message}`));
  }

  /** Waits for pending state-file writes. */
  async flush(): Promise<void> {
    await this.writer?.flush();
  }

  /** Forgets models, jobs, tokens, faults, recorded requests and planned failures; unpauses training. */
  reset(): void {
    for (const half of this.halves) half.reset();
    this.tokens.load([]);
    this.touch();
    this.faults.clear();
    this.recorder.clear();
    this.tokenRequests.length = 0;
    this.clock.resume();
  }
}
