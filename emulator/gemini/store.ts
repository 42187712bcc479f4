/**
 * The Gemini API half's in-memory state: tuned models (with their jobs, examples and permissions), job
 * bookkeeping and pending failures. Every mutation calls `touch`, which the request pipeline watches to know
 * whether the state file needs writing.
 */
import { FailurePlan } from "../jobs/failurePlan";
import { emptyGeminiState, GeminiState, PendingFailures, StoredModel } from "./state";

/** The Gemini API records, keyed for the lookups handlers do. */
export class GeminiStore {
  private models = new Map<string, StoredModel>();
  private jobsCreatedCount = 0;
  private jobsById: Record<string, number> = {};
  private pending: PendingFailures = { byId: {}, next: [] };
  /** Answer accuracy every model created from now on gets (control API; not persisted, cleared by reset). */
  newModelAccuracy: number | undefined;

  /** @param touch marks the emulator state as changed */
  constructor(readonly touch: () => void) {}

  /** The records as the state file holds them. */
  snapshot(): GeminiState {
    return {
      models: [...this.models.values()],
      jobsCreated: this.jobsCreatedCount,
      jobsById: { ...this.jobsById },
      pendingFailures: this.pending,
    };
  }

  /** Replaces everything with `state` (load and reset). */
  load(state: GeminiState = emptyGeminiState()): void {
    this.models = new Map(state.models.map((m) => [m.id, m]));
    this.jobsCreatedCount = state.jobsCreated;
    this.jobsById = { ...state.jobsById };
    this.pending = { byId: { ...state.pendingFailures.byId }, next: [...state.pendingFailures.next] };
    this.newModelAccuracy = undefined;
  }

  /** A model by id (the part after `tunedModels/`). */
  model(id: string): StoredModel | undefined {
    return this.models.get(id);
  }

  /** All models, oldest first (the list order: by create time, then id). */
  allModels(): StoredModel[] {
    return [...this.models.values()].sort((a, b) => a.createTimeMs - b.createTimeMs || compare(a.id, b.id));
  }

  /** All models in insertion order, without sorting (for whole-state sweeps on every request). */
  eachModel(): IterableIterator<StoredModel> {
    return this.models.values();
  }

  /** Adds a model created by an accepted create call and counts its job. */
  addModel(model: StoredModel): void {
    this.models.set(model.id, model);
    this.jobsCreatedCount++;
    this.jobsById[model.id] = (this.jobsById[model.id] ?? 0) + 1;
    this.touch();
  }

  /** Removes a model; returns whether it existed. */
  deleteModel(id: string): boolean {
    const existed = this.models.delete(id);
    if (existed) this.touch();
    return existed;
  }

  /** Total jobs ever created. */
  get jobsCreated(): number {
    return this.jobsCreatedCount;
  }

  /** Jobs ever created for one model id (creates after deletes count again). */
  jobCount(id: string): number {
    return this.jobsById[id] ?? 0;
  }

  /** Plans a failure for a future create with this id. */
  planFailureForId(id: string, plan: FailurePlan): void {
    this.pending.byId[id] = plan;
    this.touch();
  }

  /** Plans a failure for the next created job. */
  planFailureForNext(plan: FailurePlan): void {
    this.pending.next.push(plan);
    this.touch();
  }

  /** Takes (removes) the planned failure a new job with this id should get, if any. */
  takePlannedFailure(id: string): FailurePlan | undefined {
    const byId = this.pending.byId[id];
    if (byId) {
      delete this.pending.byId[id];
      this.touch();
      return byId;
    }
    const next = this.pending.next.shift();
    if (next) this.touch();
    return next;
  }

  /** Drops every planned failure, pending or attached to a running job. */
  clearFailures(): void {
    this.pending = { byId: {}, next: [] };
    for (const model of this.models.values()) {
      if (model.state === "CREATING") delete model.job.failure;
    }
    this.touch();
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
