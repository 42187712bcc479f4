import type { CheckResult } from "./check";
import { toPropertyMap } from "./state";

/**
 * The input key check records a trained model's stable outputs under. Keys starting with `__` are
 * internal to the engine: the preview's `[diff: ...]` summary leaves them out.
 */
export const STABLE_OUTPUTS_KEY = "__stableOutputs";

/** A look-up must not hold up a preview: after this long the outputs stay unknown. */
const LOOKUP_TIMEOUT_MS = 10_000;

/** The signal a stable-output look-up runs under (see {@link LOOKUP_TIMEOUT_MS}). */
export function lookUpSignal(): AbortSignal {
  return AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
}

/** How a resource kind finds its stable outputs for {@link carryStableOutputs}. */
export interface StableOutputsSource {
  /** What diff will decide for the checked inputs, judged from the recorded inputs alone. */
  plan(news: Record<string, unknown>): { changes: boolean; replaces: readonly string[] };
  /** Reads the trained model's stable outputs from the service, with its name (the resource id); none when it has none yet. */
  lookUp(news: Record<string, unknown>): Promise<Record<string, unknown> | undefined>;
}

/**
 * The step of check that adds the stable outputs. The Node dynamic-provider host does not preview
 * updates: the engine previews an in-place update's outputs as exactly the inputs check returns, so an
 * output the service chose is unknown there unless check hands it back, under {@link STABLE_OUTPUTS_KEY},
 * with the model's name so the SDK can tell it describes this resource (see `sdk/stableOutputs.ts`). They
 * are carried over from the recorded inputs (`olds`, all check receives; the engine records check's
 * inputs, on a `same` step too), or, when those have none (recorded before, or by an earlier version),
 * looked up once an in-place change is pending: a no-op sends nothing. A change that trains a new model
 * drops them, so they are unknown in its preview, as they must be. A look-up that fails leaves them
 * unknown and says nothing: it only makes the preview less precise.
 */
export async function carryStableOutputs(olds: Record<string, unknown>, result: CheckResult, source: StableOutputsSource): Promise<CheckResult> {
  if (result.failures.length > 0 || Object.keys(olds).length === 0) return result;
  const planned = source.plan(result.inputs);
  if (planned.replaces.length > 0) return result;
  const carried = olds[STABLE_OUTPUTS_KEY];
  if (carried !== null && typeof carried === "object") return withCarried(result, carried as Record<string, unknown>);
  if (!planned.changes) return result;
  const stable = await source.lookUp(result.inputs).catch(() => undefined);
  return stable === undefined ? result : withCarried(result, stable);
}

function withCarried(result: CheckResult, stable: Record<string, unknown>): CheckResult {
  return { ...result, inputs: { ...result.inputs, [STABLE_OUTPUTS_KEY]: stable } };
}

/** The carried form of a model's stable outputs: the listed outputs with the model's name (the resource id). */
export function stableOutputsNamed(name: string, keys: readonly string[], outputs: Record<string, unknown>): Record<string, unknown> {
  return toPropertyMap({ name, ...Object.fromEntries(keys.map((key) => [key, outputs[key]])) });
}

/** Recorded inputs as diff, create and update read them: without what only the preview needs. */
export function withoutStableOutputs(inputs: Record<string, unknown>): Record<string, unknown> {
  const { [STABLE_OUTPUTS_KEY]: _previewOnly, ...checked } = inputs;
  return checked;
}
