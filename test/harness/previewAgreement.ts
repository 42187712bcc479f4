import { isDeepStrictEqual } from "node:util";
import type { PreviewResult, UpResult } from "@pulumi/pulumi/automation";
import { StackStepError, type StepResult, type StepTrace } from "./stepTrace";
import type { PreviewStepOptions, UpStepOptions } from "./testStack";

/** A stack whose preview and up can be compared: a `TestStack` or a user project's `ProjectStack`. */
export interface PreviewableStack {
  preview(options?: PreviewStepOptions): Promise<StepResult<PreviewResult>>;
  up(options?: UpStepOptions): Promise<StepResult<UpResult>>;
}

/** What {@link previewThenUp} ran: the reviewed preview and the `up` that followed it. */
export interface PreviewAndUp {
  /** The preview a reviewer would have approved. */
  readonly preview: StepResult<PreviewResult>;
  /** The `up` run right after it on the same program. */
  readonly up: StepResult<UpResult>;
}

/** What {@link previewThenFailingUp} ran: the preview and how the `up` after it failed. */
export interface PreviewAndFailedUp {
  /** The preview a reviewer would have approved. */
  readonly preview: StepResult<PreviewResult>;
  /** The failed `up`: its error, carrying everything it showed. */
  readonly failure: StackStepError;
}

/** Options of the two runs; `beforeUp` runs between them (e.g. to clear the emulator's request log). */
export interface AgreementOptions {
  readonly preview?: PreviewStepOptions;
  readonly up?: UpStepOptions;
  readonly beforeUp?: () => void | Promise<void>;
}

/**
 * `pulumi preview` and then `pulumi up` on the same program, failing unless each resource's planned
 * steps are exactly the steps `up` performed (and the change counts agree). The preview is what a person
 * approves; a resource it shows as replaced while `up` updates it, or the reverse, fails here.
 */
export async function previewThenUp(stack: PreviewableStack, options: AgreementOptions = {}): Promise<PreviewAndUp> {
  const preview = await stack.preview(options.preview);
  await options.beforeUp?.();
  const up = await stack.up(options.up);
  const disagreements = differingSteps(preview, up, { upFinished: true });
  if (!isDeepStrictEqual(preview.changes, up.changes)) {
    disagreements.push(`change counts: preview ${JSON.stringify(preview.changes)}, up ${JSON.stringify(up.changes)}`);
  }
  if (disagreements.length > 0) throw new Error(`preview and up disagree:\n  ${disagreements.join("\n  ")}`);
  return { preview, up };
}

/**
 * As {@link previewThenUp} for an `up` expected to fail: every resource `up` started took the steps the
 * preview planned for it (those after the failure never start, so they are not compared).
 */
export async function previewThenFailingUp(stack: PreviewableStack, options: AgreementOptions = {}): Promise<PreviewAndFailedUp> {
  const preview = await stack.preview(options.preview);
  await options.beforeUp?.();
  const failure = await stack.up(options.up).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(failure instanceof StackStepError)) {
    throw failure === undefined ? new Error("up succeeded, but this step expected it to fail") : (failure as Error);
  }
  const disagreements = differingSteps(preview, failure.trace, { upFinished: false });
  if (disagreements.length > 0) throw new Error(`preview and the failed up disagree:\n  ${disagreements.join("\n  ")}`);
  return { preview, failure };
}

/**
 * The steps of each resource, by URN, in the order the engine reported them (`pre` events: planned in a
 * preview, started in an `up`). A replacement is several steps, e.g. create-replacement, replace,
 * delete-replaced.
 */
export function stepsByResource(trace: StepTrace): Map<string, string[]> {
  const steps = new Map<string, string[]>();
  for (const operation of trace.operations) {
    if (operation.phase !== "pre") continue;
    steps.set(operation.urn, [...(steps.get(operation.urn) ?? []), operation.op]);
  }
  return steps;
}

function differingSteps(preview: StepTrace, up: StepTrace, { upFinished }: { upFinished: boolean }): string[] {
  const planned = stepsByResource(preview);
  const performed = stepsByResource(up);
  const urns = upFinished ? new Set([...planned.keys(), ...performed.keys()]) : new Set(performed.keys());
  const differing: string[] = [];
  for (const urn of urns) {
    const plan = planned.get(urn) ?? [];
    const done = performed.get(urn) ?? [];
    // A failed up stops a resource's steps where it failed: what it did must be where the plan starts.
    const agrees = upFinished ? isDeepStrictEqual(plan, done) : isDeepStrictEqual(plan.slice(0, done.length), done);
    if (!agrees) differing.push(`${urn}: preview planned [${plan.join(", ")}], up performed [${done.join(", ")}]`);
  }
  return differing;
}
