import type { CheckResult } from "../../lifecycle/check";
import { carryStableOutputs, lookUpSignal, STABLE_OUTPUTS_KEY, stableOutputsNamed, withoutStableOutputs } from "../../lifecycle/stableOutputs";
import type { VertexApi } from "../api";
import type { TuningJob } from "../wire";
import { creationKey } from "./creationKey";
import { diffVertexTunedModel } from "./diff";
import { CREATION_LABEL, type CheckedVertexInputs } from "./inputs";
import { mergeVertexOutputs } from "./state";

/** The input key check records a succeeded job's stable outputs under (see `lifecycle/stableOutputs.ts`). */
export { STABLE_OUTPUTS_KEY };

/**
 * Outputs of a succeeded job that an in-place update (a PATCH of its model's display name, description or
 * labels) cannot change: Vertex chose them when the job ran. The SDK shows them in the preview of such an
 * update (see `sdk/stableOutputs.ts`); everything else stays unknown there.
 */
export const STABLE_OUTPUTS = ["model", "endpoint", "checkpoints", "tuningDataStats", "effectiveHyperparameters", "originalBaseModel", "state", "createTime", "startTime", "endTime", "evaluateDatasetRuns"] as const;

/**
 * The second step of check (see `lifecycle/stableOutputs.ts`): Vertex picked the job's model and endpoint
 * names, so check hands them back, with the job's name. The recorded inputs hold every input diff
 * compares, so a replacement is decided by those alone.
 */
export function withStableOutputs(
  olds: Record<string, unknown>,
  result: CheckResult,
  lookUp: (inputs: CheckedVertexInputs, recorded: CheckedVertexInputs) => Promise<TuningJob | undefined>,
): Promise<CheckResult> {
  return carryStableOutputs(olds, result, {
    plan: (news) => diffVertexTunedModel(olds, news as CheckedVertexInputs),
    lookUp: async (news) => {
      const job = await lookUp(news as CheckedVertexInputs, olds as CheckedVertexInputs);
      return job === undefined ? undefined : stableOutputsOf(job);
    },
  });
}

/** The stable outputs of a job, with its name; none until it succeeded with a model. */
export function stableOutputsOf(job: TuningJob): Record<string, unknown> | undefined {
  if (job.state !== "JOB_STATE_SUCCEEDED" || job.tunedModel?.model === undefined) return undefined;
  const reported = mergeVertexOutputs({}, job);
  return stableOutputsNamed(job.name, STABLE_OUTPUTS, reported);
}

/**
 * The resource's job as check can find it without its id: the adopted job by name, or the newest
 * succeeded job carrying the resource's creation label (as create finds an earlier attempt). The label
 * is computed from the recorded inputs: create computed it from inputs exactly as the engine hands them
 * over (keys sorted), and a freshly checked dataset lists its keys in another order. A wrong guess does no
 * harm: the SDK uses the outputs only when the job's name is the resource's id.
 */
export async function recordedJob(api: VertexApi, parent: string, recorded: CheckedVertexInputs): Promise<TuningJob | undefined> {
  const signal = lookUpSignal();
  if (recorded.adoptExisting) return recorded.tuningJob === undefined ? undefined : api.getTuningJob(recorded.tuningJob, signal);
  const jobs = await api.listTuningJobs(parent, `labels.${CREATION_LABEL}="${creationKey(recorded)}"`, signal);
  return jobs
    .filter((job) => job.state === "JOB_STATE_SUCCEEDED")
    .sort((a, b) => Date.parse(b.createTime ?? "") - Date.parse(a.createTime ?? ""))
    .at(0);
}

/** Recorded inputs as diff, create and update read them: without what only the preview needs. */
export function vertexInputsOf(inputs: Record<string, unknown>): CheckedVertexInputs {
  return withoutStableOutputs(inputs) as CheckedVertexInputs;
}
