/**
 * The emulator's shared state and the operations on it that are not tied to one request: training
 * advancement, pause/resume, step time, persistence and reset. Route handlers and the control API both work
 * through this object.
 */
import { BaseModel, baseModelCatalog } from "./baseModels";
import { TrainingClock } from "./clock";
import { FaultRegistry } from "./faults";
import { nowMs } from "./json/timestamps";
import { TokenRequestRecord } from "./oauth";
import { ResolvedOptions } from "./options";
import { StateFileWriter } from "./persistence";
import { RequestRecorder } from "./requestLog";
import { PersistedState, StoredModel } from "./state";
import { Store } from "./store";
import { advanceJob } from "./training";
import { produceTunedModel } from "./vertex/produce";
import { StoredVertexJob } from "./vertex/state";
import { advanceVertexJob, isVertexJobActive } from "./vertex/training";

/** Everything a running emulator holds. */
export class EmulatorCore {
  readonly store: Store;
  readonly clock: TrainingClock;
  readonly faults = new FaultRegistry();
  readonly recorder = new RequestRecorder();
  readonly tokenRequests: TokenRequestRecord[] = [];
  private readonly writer: StateFileWriter | undefined;

  /**
   * @param options resolved options
   * @param initial state loaded from the state file
   */
  constructor(
    readonly options: ResolvedOptions,
    initial?: PersistedState,
  ) {
    this.store = new Store(initial);
    this.clock = new TrainingClock(options.stepMs);
    this.writer = options.stateFile ? new StateFileWriter(options.stateFile, () => this.store.snapshot()) : undefined;
  }

  /** The base models currently served. */
  catalog(): readonly BaseModel[] {
    return baseModelCatalog(this.options.baseModelsMode);
  }

  /** Brings every running job (Gemini API and Vertex) up to the training clock. */
  advanceTraining(): void {
    const now = this.clock.trainingNow();
    for (const model of this.store.eachModel()) {
      if (advanceJob(model, now, this.clock.stepMs)) this.store.touch();
    }
    const vertex = this.store.vertex;
    for (const job of vertex.eachJob()) {
      if (advanceVertexJob(job, now, this.clock.stepMs)) vertex.changed();
      produceTunedModel(vertex, job);
    }
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
    for (const model of this.store.allModels()) {
      if (model.state !== "CREATING") continue;
      model.job.lastStepAtMs += Math.max(0, now - Math.max(pausedAt, model.job.lastStepAtMs));
    }
    for (const job of this.store.vertex.eachJob()) {
      if (isVertexJobActive(job)) job.lastStepAtMs += Math.max(0, now - Math.max(pausedAt, job.lastStepAtMs));
    }
    this.store.touch();
  }

  /** Changes the step time; steps already due under the old time are counted first. */
  setStepMs(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`stepMs must be a number >= 0 (got ${ms}).`);
    this.advanceTraining();
    this.clock.stepMs = ms;
  }

  /** Models by state, after advancing training. */
  modelsByState(): Record<string, number> {
    this.advanceTraining();
    const counts: Record<string, number> = { CREATING: 0, ACTIVE: 0, FAILED: 0 };
    for (const model of this.store.allModels()) counts[model.state]++;
    return counts;
  }

  /** All models after advancing training. */
  models(): StoredModel[] {
    this.advanceTraining();
    return this.store.allModels();
  }

  /** All Vertex tuning jobs, newest first, after advancing training. */
  vertexJobs(): StoredVertexJob[] {
    this.advanceTraining();
    return this.store.vertex.allJobs();
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
    this.store.reset();
    this.faults.clear();
    this.recorder.clear();
    this.tokenRequests.length = 0;
    this.clock.resume();
  }
}
