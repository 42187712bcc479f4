/**
 * Programs and checks shared by the reliability tests: a program declaring N TunedModels, and the
 * invariant every fault scenario ends with: each declared model exists exactly once, ACTIVE, in the
 * stack's state and in the service, trained by exactly one job.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import * as gemini from "../../../sdk";
import type { StateResource, TestStack } from "../../harness";

/** Type token of a TunedModel in state and engine events. */
export const TUNED_MODEL_TYPE = "pulumi-nodejs:dynamic/gemini:TunedModel";

/** A model the service knows, as the emulator's control API reports it. */
export interface ServiceModel {
  model: { name?: string; state?: string; [key: string]: unknown };
  jobCount: number;
}

/** What the checks need to ask the service (in-process control or the HTTP control API). */
export interface ServiceView {
  models(): Promise<ServiceModel[]>;
  jobsCreated(): Promise<number>;
}

/** The tutorial's 15 examples, varied per model so that every model has its own training spec. */
export function examplesFor(seed: number, count = 15): Array<{ textInput: string; output: string }> {
  return Array.from({ length: count }, (_, i) => ({ textInput: `${seed}: what follows ${i}?`, output: `${i + 1}` }));
}

/** How one model of {@link modelsProgram} is declared. */
export interface ModelSpec {
  /** Resource name. */
  name: string;
  /** Display name (default: the resource name); changing it is an in-place update. */
  displayName?: string;
  /** Examples (default 15); with `epochCount` and `batchSize` it sets the job's step count. */
  examples?: number;
  epochCount?: number;
  batchSize?: number;
  /** `timeouts.create`, e.g. `"8s"`. */
  createTimeout?: string;
}

/**
 * A program declaring one TunedModel per spec. Steps per job: ceil(examples × epochCount / batchSize).
 *
 * It exports no stack outputs on purpose: outputs that depend on a resource whose step fails keep the
 * program's final `registerResourceOutputs` call waiting until the engine shuts its resource monitor
 * down, and that call then rejects ("Resource monitor is terminating") outside any test, failing the
 * whole test file. The tests read the state instead.
 */
export function modelsProgram(specs: readonly ModelSpec[]): PulumiFn {
  return async () => {
    specs.forEach((spec, index) => {
      new gemini.TunedModel(spec.name, {
        baseModel: "models/gemini-1.5-flash-001-tuning",
        displayName: spec.displayName ?? spec.name,
        hyperparameters: { epochCount: spec.epochCount ?? 2, batchSize: spec.batchSize ?? 5 },
        trainingData: examplesFor(index, spec.examples ?? 15),
        ...(spec.createTimeout !== undefined && { timeouts: { create: spec.createTimeout } }),
      });
    });
    return {};
  };
}

/** `count` models named `${prefix}-0` ... with the same shape. */
export function modelSpecs(prefix: string, count: number, shape: Omit<ModelSpec, "name"> = {}): ModelSpec[] {
  return Array.from({ length: count }, (_, i) => ({ ...shape, name: `${prefix}-${i}` }));
}

/** The TunedModels in the stack's exported state. */
export async function stateModels(stack: TestStack): Promise<StateResource[]> {
  return (await stack.stateResources()).filter((resource) => resource.type === TUNED_MODEL_TYPE);
}

/** The logical name of a resource (last URN segment). */
export function logicalName(resource: StateResource): string {
  return resource.urn.slice(resource.urn.lastIndexOf("::") + 2);
}

/**
 * The end state of every scenario: the stack's state holds each declared model exactly once, ACTIVE,
 * with an id the service has; the service holds exactly those models, ACTIVE, each trained by one job,
 * and no job was ever started twice.
 */
export async function expectEachModelOnce(stack: TestStack, service: ServiceView, names: readonly string[]): Promise<void> {
  const inState = await stateModels(stack);
  expect(inState.map(logicalName).sort()).toEqual([...names].sort());
  const ids = inState.map((resource) => resource.id);
  expect(new Set(ids).size).toBe(names.length);
  for (const resource of inState) {
    expect(resource.outputs?.state).toBe("ACTIVE");
    expect(resource.outputs?.name).toBe(resource.id);
  }
  const models = await service.models();
  expect(models.map((m) => m.model.name).sort()).toEqual([...ids].sort());
  for (const model of models) {
    expect(model.model.state).toBe("ACTIVE");
    expect(model.jobCount).toBe(1);
  }
  expect(await service.jobsCreated()).toBe(names.length);
}
