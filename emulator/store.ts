/**
 * In-memory state: tuned models (with their jobs, examples and permissions), job bookkeeping, pending failures
 * and issued tokens. Every mutation bumps `version`, which the request pipeline compares before and after a
 * handler to know whether the state file needs writing.
 */
import { VertexStore } from "./vertex/store";
import { emptyState, FailurePlan, IssuedToken, PendingFailures, PersistedState, StoredModel } from "./state";

/** The emulator's state, keyed for the lookups handlers do. */
export class Store {
  private models = new Map<string, StoredModel>();
  private tokens = new Map<string, IssuedToken>();
  private jobsCreatedCount = 0;
  private jobsById: Record<string, number> = {};
  private pending: PendingFailures = { byId: {}, next: [] };
  /** Incremented on every change. */
  version = 0;
  /** The Vertex AI collections, saved and reset with the rest. */
  readonly vertex = new VertexStore(() => this.touch());

  /** @param initial state loaded from the state file, if any */
  constructor(initial: PersistedState = emptyState()) {
    this.load(initial);
  }

  /** Marks the state as changed. */
  touch(): void {
    this.version++;
  }

  /** The state as written to the state file. */
  snapshot(): PersistedState {
    return {
      version: 1,
      models: [...this.models.values()],
      jobsCreated: this.jobsCreatedCount,
      jobsById: { ...this.jobsById },
      pendingFailures: this.pending,
      tokens: [...this.tokens.values()],
      vertex: this.vertex.snapshot(),
    };
  }

  /** Forgets everything. */
  reset(): void {
    this.load(emptyState());
    this.touch();
  }

  private load(state: PersistedState): void {
    this.models = new Map(state.models.map((m) => [m.id, m]));
    this.tokens = new Map(state.tokens.map((t) => [t.token, t]));
    this.jobsCreatedCount = state.jobsCreated;
    this.jobsById = { ...state.jobsById };
    this.pending = { byId: { ...state.pendingFailures.byId }, next: [...state.pendingFailures.next] };
    this.vertex.load(state.vertex);
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

  /** Stores an issued access token, dropping tokens that expired long ago so the state stays small. */
  addToken(token: IssuedToken): void {
    const cutoff = Date.now() - 24 * 60 * 60 * 1000;
    for (const [value, old] of this.tokens) if (old.expiresAtMs < cutoff) this.tokens.delete(value);
    this.tokens.set(token.token, token);
    this.touch();
  }

  /** Looks up an issued access token. */
  token(value: string): IssuedToken | undefined {
    return this.tokens.get(value);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
