/**
 * The Gemini API part of the control surface: what tests and CI read about tuned models (with internal facts
 * such as example and job counts) and how they make a Gemini API job fail. The callers bring training up to
 * date first.
 */
import { failurePlanOf, FailureSpec, fitFailure } from "../jobs/failurePlan";
import { operationName, renderOperation, renderTunedModel } from "./render";
import { GeminiStore } from "./store";

/** Which job to fail, when, and how. */
export interface JobFailureSpec extends FailureSpec {
  /** Fail this model's job (running now, or the next create with this id). Accepts `x` or `tunedModels/x`. */
  tunedModelId?: string;
  /** Fail the next job created (the default when no id is given). */
  next?: boolean;
}

/** One model as the control API reports it. */
export interface ControlModel {
  /** The model as GET returns it. */
  model: Record<string, unknown>;
  /** The operation as operations.get returns it. */
  operation: Record<string, unknown>;
  exampleCount: number;
  operationName: string;
  /** Jobs ever created under this id (more than 1 only after delete and re-create). */
  jobCount: number;
}

/** Plans a Gemini API job failure; throws RangeError on an impossible spec. */
export function failJob(store: GeminiStore, spec: JobFailureSpec): void {
  const plan = failurePlanOf(spec);
  if (spec.tunedModelId === undefined) {
    store.planFailureForNext(plan);
    return;
  }
  const id = spec.tunedModelId.replace(/^tunedModels\//, "");
  const model = store.model(id);
  if (model && model.state === "CREATING") {
    model.job.failure = fitFailure(plan, model.job.completedSteps, model.job.totalSteps);
    store.touch();
  } else {
    store.planFailureForId(id, plan);
  }
}

/** Every model, oldest first, with its operation and internal facts. */
export function controlModels(store: GeminiStore): ControlModel[] {
  return store.allModels().map((m) => ({
    model: renderTunedModel(m),
    operation: renderOperation(m, "current"),
    exampleCount: m.examples.length,
    operationName: operationName(m),
    jobCount: store.jobCount(m.id),
  }));
}

/** Models by state. */
export function modelsByState(store: GeminiStore): Record<string, number> {
  const counts: Record<string, number> = { CREATING: 0, ACTIVE: 0, FAILED: 0 };
  for (const model of store.allModels()) counts[model.state]++;
  return counts;
}

/** Sets (or, with undefined, clears) one model's answer accuracy; throws RangeError for an unknown model. */
export function setModelAccuracy(store: GeminiStore, name: string, accuracy: number | undefined): void {
  const model = store.model(name.replace(/^tunedModels\//, ""));
  if (!model) throw new RangeError(`No tuned model ${name}.`);
  if (accuracy === undefined) delete model.answerAccuracy;
  else model.answerAccuracy = accuracy;
  store.touch();
}
