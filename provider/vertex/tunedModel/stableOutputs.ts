import type { CheckResult } from "../../lifecycle/check";
import { toPropertyMap } from "../../lifecycle/state";
import type { VertexApi } from "../api";
import type { TuningJob } from "../wire";
import { creationKey } from "./creationKey";
import { diffVertexTunedModel } from "./diff";
import { CREATION_LABEL, type CheckedVertexInputs } from "./inputs";
import { mergeVertexOutputs } from "./state";

/**
 * The input key check records a succeeded job's stable outputs under. Keys starting with `__` are
 * internal to the engine: the preview's `[diff: ...]` summary leaves them out.
 */
export const STABLE_OUTPUTS_KEY = "__stableOutputs";

/**
 * Outputs of a succeeded job that an in-place update (a PATCH of its model's display name, description or
 * labels) cannot change: Vertex chose them when the job ran. The SDK shows them in the preview of such an
 * update (see `sdk/stableOutputs.ts`); everything else stays unknown there.
 */
export const STABLE_OUTPUTS = ["model", "endpoint", "checkpoints", "tuningDataStats", "effectiveHyperparameters", "originalBaseModel", "state", "createTime", "startTime", "endTime", "evaluateDatasetRuns"] as const;

/** A look-up must not hold up a preview: after this long the outputs stay unknown. */
const LOOKUP_TIMEOUT_MS = 10_000;

/**
 * The second step of check. The Node dynamic-provider host does not preview updates: the engine
 * previews an in-place update's outputs as exactly the inputs check returns, and Vertex picked the job's
 * model and endpoint names, so check hands them back under {@link STABLE_OUTPUTS_KEY}, with the job's name
 * so the SDK can tell they describe this resource. They are carried over from the recorded inputs (`olds`,
 * all check receives; the engine records check's inputs, on a `same` step too), or, when those have none
 * (recorded before, or by an earlier version), looked up once an in-place change is pending: a no-op
 * sends nothing. A change that trains a new job drops them, so they are unknown in its preview, as they
 * must be. A look-up that fails leaves them unknown and says nothing: it only makes the preview less
 * precise.
 */
export async function withStableOutputs(
  olds: Record<string, unknown>,
  result: CheckResult,
  lookUp: (inputs: CheckedVertexInputs, recorded: CheckedVertexInputs) => Promise<TuningJob | undefined>,
): Promise<CheckResult> {
  if (result.failures.length > 0 || Object.keys(olds).length === 0) return result;
  const news = result.inputs as CheckedVertexInputs;
  // The recorded inputs hold every input diff compares; a replacement is decided by those alone.
  const planned = diffVertexTunedModel(olds, news);
  if (planned.replaces.length > 0) return result;
  const carried = olds[STABLE_OUTPUTS_KEY];
  if (carried !== null && typeof carried === "object") return { ...result, inputs: { ...result.inputs, [STABLE_OUTPUTS_KEY]: carried } };
  if (!planned.changes) return result;
  const job = await lookUp(news, olds as CheckedVertexInputs).catch(() => undefined);
  const stable = job === undefined ? undefined : stableOutputsOf(job);
  return stable === undefined ? result : { ...result, inputs: { ...result.inputs, [STABLE_OUTPUTS_KEY]: stable } };
}

/** The stable outputs of a job, with its name; none until it succeeded with a model. */
export function stableOutputsOf(job: TuningJob): Record<string, unknown> | undefined {
  if (job.state !== "JOB_STATE_SUCCEEDED" || job.tunedModel?.model === undefined) return undefined;
  const reported = mergeVertexOutputs({}, job);
  return toPropertyMap({ name: job.name, ...Object.fromEntries(STABLE_OUTPUTS.map((key) => [key, reported[key]])) });
}

/**
 * The resource's job as check can find it without its id: the adopted job by name, or the newest
 * succeeded job carrying the resource's creation label (as create finds an earlier attempt). The label
 * is computed from the recorded inputs: create computed it from inputs exactly as the engine hands them
 * over (keys sorted), and a freshly checked dataset lists its keys in another order. A wrong guess does no
 * harm: the SDK uses the outputs only when the job's name is the resource's id.
 */
export async function recordedJob(api: VertexApi, parent: string, recorded: CheckedVertexInputs): Promise<TuningJob | undefined> {
  const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
  if (recorded.adoptExisting) return recorded.tuningJob === undefined ? undefined : api.getTuningJob(recorded.tuningJob, signal);
  const jobs = await api.listTuningJobs(parent, `labels.${CREATION_LABEL}="${creationKey(recorded)}"`, signal);
  return jobs
    .filter((job) => job.state === "JOB_STATE_SUCCEEDED")
    .sort((a, b) => Date.parse(b.createTime ?? "") - Date.parse(a.createTime ?? ""))
    .at(0);
}

/** Recorded inputs as diff, create and update read them: without what only the preview needs. */
export function vertexInputsOf(inputs: Record<string, unknown>): CheckedVertexInputs {
  const { [STABLE_OUTPUTS_KEY]: _previewOnly, ...checked } = inputs;
  return checked as CheckedVertexInputs;
}
