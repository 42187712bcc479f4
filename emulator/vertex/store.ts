/**
 * In-memory Vertex records, keyed by id. Ids are random and unique across projects and locations, so a lookup
 * by id then checks that the caller's project and location own the record (a foreign one is "not found").
 */
import { sameProject } from "./projects";
import {
  emptyVertexState,
  StoredVertexEndpoint,
  StoredVertexJob,
  StoredVertexModel,
  StoredVertexOperation,
  VertexState,
} from "./state";
import { FailurePlan } from "../jobs/failurePlan";

/** Where a Vertex resource lives. */
export interface VertexParent {
  project: string;
  location: string;
}

/** The record if `parent` owns it; the project may be named by id or number either side. */
function owned<T extends VertexParent>(record: T | undefined, parent: VertexParent): T | undefined {
  return record && sameProject(record.project, parent.project) && record.location === parent.location ? record : undefined;
}

/** The Vertex collections. Every mutation calls `touch` so the state file is written. */
export class VertexStore {
  private jobs = new Map<string, StoredVertexJob>();
  private models = new Map<string, StoredVertexModel>();
  private endpoints = new Map<string, StoredVertexEndpoint>();
  private operations = new Map<string, StoredVertexOperation>();
  private pendingNext: FailurePlan[] = [];
  private created = 0;

  /** @param touch marks the emulator state as changed */
  constructor(private readonly touch: () => void) {}

  /** Replaces everything with `state` (load and reset). */
  load(state: VertexState = emptyVertexState()): void {
    this.jobs = new Map(state.jobs.map((j) => [j.id, j]));
    this.models = new Map(state.models.map((m) => [m.id, m]));
    this.endpoints = new Map(state.endpoints.map((e) => [e.id, e]));
    this.operations = new Map(state.operations.map((o) => [o.id, o]));
    this.pendingNext = [...state.pendingFailures.next];
    this.created = state.jobsCreated;
    this.newModelAccuracy = undefined;
  }

  /** Answer accuracy every model produced from now on gets (control API; not persisted, cleared by reset). */
  newModelAccuracy: number | undefined;

  /** The Vertex part of the state file. */
  snapshot(): VertexState {
    return {
      jobs: [...this.jobs.values()],
      models: [...this.models.values()],
      endpoints: [...this.endpoints.values()],
      operations: [...this.operations.values()],
      pendingFailures: { next: [...this.pendingNext] },
      jobsCreated: this.created,
    };
  }

  /** Marks a change to a record the caller mutated in place. */
  changed(): void {
    this.touch();
  }

  /** A job owned by `parent`. */
  job(parent: VertexParent, id: string): StoredVertexJob | undefined {
    return owned(this.jobs.get(id), parent);
  }

  /** A job by id wherever it lives (control API). */
  jobById(id: string): StoredVertexJob | undefined {
    return this.jobs.get(id);
  }

  /** Every job in insertion order (for sweeps). */
  eachJob(): IterableIterator<StoredVertexJob> {
    return this.jobs.values();
  }

  /** All jobs, newest first (the list order), ties broken by id. */
  allJobs(): StoredVertexJob[] {
    return [...this.jobs.values()].sort((a, b) => b.createTimeMs - a.createTimeMs || (a.id < b.id ? -1 : 1));
  }

  /** Adds an accepted job and counts it. */
  addJob(job: StoredVertexJob): void {
    this.jobs.set(job.id, job);
    this.created++;
    this.touch();
  }

  /** Jobs ever created. */
  get jobsCreated(): number {
    return this.created;
  }

  /** A model owned by `parent`. */
  model(parent: VertexParent, id: string): StoredVertexModel | undefined {
    return owned(this.models.get(id), parent);
  }

  /** A model by id (internal lookups from endpoints). */
  modelById(id: string): StoredVertexModel | undefined {
    return this.models.get(id);
  }

  /** All models. */
  allModels(): StoredVertexModel[] {
    return [...this.models.values()];
  }

  /** Stores a model. */
  addModel(model: StoredVertexModel): void {
    this.models.set(model.id, model);
    this.touch();
  }

  /** Removes a model. */
  deleteModel(id: string): void {
    if (this.models.delete(id)) this.touch();
  }

  /** An endpoint owned by `parent`. */
  endpoint(parent: VertexParent, id: string): StoredVertexEndpoint | undefined {
    return owned(this.endpoints.get(id), parent);
  }

  /** An endpoint by id wherever it lives (the `endpoints/{e}` binding names no project). */
  endpointById(id: string): StoredVertexEndpoint | undefined {
    return this.endpoints.get(id);
  }

  /** All endpoints. */
  allEndpoints(): StoredVertexEndpoint[] {
    return [...this.endpoints.values()];
  }

  /** Stores an endpoint. */
  addEndpoint(endpoint: StoredVertexEndpoint): void {
    this.endpoints.set(endpoint.id, endpoint);
    this.touch();
  }

  /** Removes an endpoint. */
  deleteEndpoint(id: string): void {
    if (this.endpoints.delete(id)) this.touch();
  }

  /** An operation owned by `parent`. */
  operation(parent: VertexParent, id: string): StoredVertexOperation | undefined {
    return owned(this.operations.get(id), parent);
  }

  /** All operations. */
  allOperations(): StoredVertexOperation[] {
    return [...this.operations.values()];
  }

  /** Stores an operation. */
  addOperation(operation: StoredVertexOperation): void {
    this.operations.set(operation.id, operation);
    this.touch();
  }

  /** Plans a failure for the next created Vertex job. */
  planFailureForNext(plan: FailurePlan): void {
    this.pendingNext.push(plan);
    this.touch();
  }

  /** Takes the failure the next created job should get, if any. */
  takePlannedFailure(): FailurePlan | undefined {
    const plan = this.pendingNext.shift();
    if (plan) this.touch();
    return plan;
  }

  /** Drops pending failures and those attached to unfinished jobs. */
  clearFailures(): void {
    this.pendingNext = [];
    for (const job of this.jobs.values()) delete job.failure;
    this.touch();
  }
}
