import { isDeepStrictEqual } from "node:util";
import type { DiagnosticEvent, EngineEvent, OpType, PropertyDiff, StepEventMetadata } from "@pulumi/pulumi/automation";

/**
 * One resource step as the engine reported it: `pre` when the step starts (or is planned, in a preview),
 * `outputs` when it completed, `failed` when it failed.
 */
export interface ResourceOperation {
  /** Which engine event reported the step. */
  readonly phase: "pre" | "outputs" | "failed";
  /** What the engine does to the resource: `create`, `same`, `update`, `replace`, `delete`, ... */
  readonly op: OpType;
  /** The resource URN. */
  readonly urn: string;
  /** The resource's logical name (the last URN segment). */
  readonly name: string;
  /** The resource type token, e.g. `pulumi-nodejs:dynamic:Resource`. */
  readonly type: string;
  /**
   * Top-level input names whose values differ between the old and new state, computed here the way the
   * engine's display does for `[diff: ~name]` (internal keys, those starting with `__` such as the
   * serialized `__provider`, are left out).
   */
  readonly changedInputs: readonly string[];
  /** Property names that force a replacement (the engine's `keys`, from the provider's `replaces`). */
  readonly replaces: readonly string[];
  /**
   * Provider-reported changed properties. The Node dynamic-provider host (still in 3.276) drops `diffs` and
   * `detailedDiff` from `diff` results, so these stay empty for dynamic resources: use `changedInputs`.
   */
  readonly diffs: readonly string[];
  /** Provider-reported per-property diff kinds; empty for dynamic resources (see `diffs`). */
  readonly detailedDiff: Readonly<Record<string, PropertyDiff>>;
  /** The complete metadata, for anything not lifted out above. */
  readonly metadata: StepEventMetadata;
}

/** One diagnostic message (including lines the provider printed) from the engine event stream. */
export interface Diagnostic {
  /** `info`, `info#err` (the provider wrote to stderr), `warning` or `error`. */
  readonly severity: DiagnosticEvent["severity"];
  /** The message text without its trailing newline. */
  readonly message: string;
  /** The resource the message is about, if any. */
  readonly urn?: string;
}

/** Lifts the resource step out of one engine event, if it carries one. */
export function operationFromEvent(event: EngineEvent): ResourceOperation | undefined {
  if (event.resourcePreEvent) {
    return toOperation("pre", event.resourcePreEvent.metadata);
  }
  if (event.resOutputsEvent) {
    return toOperation("outputs", event.resOutputsEvent.metadata);
  }
  if (event.resOpFailedEvent) {
    return toOperation("failed", event.resOpFailedEvent.metadata);
  }
  return undefined;
}

/** Lifts the diagnostic out of one engine event, if it carries one. */
export function diagnosticFromEvent(event: EngineEvent): Diagnostic | undefined {
  const diagnostic = event.diagnosticEvent;
  if (!diagnostic) {
    return undefined;
  }
  return {
    severity: diagnostic.severity,
    message: diagnostic.message.replace(/\n$/, ""),
    ...(diagnostic.urn ? { urn: diagnostic.urn } : {}),
  };
}

function toOperation(phase: ResourceOperation["phase"], metadata: StepEventMetadata): ResourceOperation {
  return {
    phase,
    op: metadata.op,
    urn: metadata.urn,
    name: metadata.urn.slice(metadata.urn.lastIndexOf("::") + 2),
    type: metadata.type,
    changedInputs: changedInputs(metadata),
    replaces: metadata.keys ?? [],
    diffs: metadata.diffs ?? [],
    detailedDiff: metadata.detailedDiff ?? {},
    metadata,
  };
}

function changedInputs(metadata: StepEventMetadata): string[] {
  const olds = metadata.old?.inputs ?? {};
  const news = metadata.new?.inputs ?? {};
  if (!metadata.old || !metadata.new) {
    return [];
  }
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((key) => !key.startsWith("__"));
  return keys.filter((key) => !isDeepStrictEqual(olds[key], news[key])).sort();
}
