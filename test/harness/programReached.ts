import type { StepResult } from "./stepTrace";

/** Type token of the root resource every program registers first. */
const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * Whether the step's program reached the engine: it registered its root stack resource (any step but a
 * delete of it). An inline program that cannot reach the engine's resource monitor fails with a gRPC
 * UNAVAILABLE, which @pulumi/pulumi's Automation API swallows as "the engine is shutting down": the engine
 * then sees a program that declared nothing, and a preview "succeeds" with no resources at all.
 */
export function programReachedEngine(step: Pick<StepResult<unknown>, "operations">): boolean {
  return step.operations.some((operation) => operation.type === STACK_TYPE && !operation.op.startsWith("delete"));
}

/**
 * Runs a preview (which changes nothing, so it can be repeated) until its program reached the engine, at
 * most twice; a second miss is an error that says what happened, instead of an empty preview read as
 * success. The repeat is logged.
 */
export async function previewWithProgram<R>(preview: () => Promise<StepResult<R>>): Promise<StepResult<R>> {
  const first = await preview();
  if (programReachedEngine(first)) return first;
  console.warn("harness: the inline program did not reach the engine's resource monitor (gRPC UNAVAILABLE in @pulumi/pulumi); previewing again");
  const second = await preview();
  if (programReachedEngine(second)) return second;
  throw new Error("the inline program did not reach the engine twice in a row: the preview registered no stack resource");
}

/**
 * Fails an `up` whose program never reached the engine. It cannot be repeated safely: to the engine the
 * program declared nothing, so it deleted what the stack held. Failing loudly is all that is left.
 */
export function assertUpRanProgram<R>(up: StepResult<R>): StepResult<R> {
  if (programReachedEngine(up)) return up;
  throw new Error("the inline program did not reach the engine's resource monitor, so `up` ran as if it declared nothing");
}
