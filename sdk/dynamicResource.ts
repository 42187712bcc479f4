import * as pulumi from "@pulumi/pulumi";
import { serializedProvider, type ProviderKind } from "./providerShim";

/**
 * A resource served by the Node dynamic-provider host (`pulumi-nodejs:dynamic/gemini:<type>`), exactly
 * what `pulumi.dynamic.Resource` registers, with our own compact `__provider`.
 */
export abstract class DynamicResource extends pulumi.CustomResource {
  /**
   * Registers the resource. Pulumi's SDK creates four promises per property of a resource and formats a
   * stack trace for each, kept only for its promise-leak report (printed when `PULUMI_DEBUG_PROMISE_LEAKS`
   * is set). With the 30 properties of a `TunedModel` those traces were over a third of the program's CPU
   * time in a preview of 50 unchanged models, so they are left empty unless that report is asked for. The
   * resource's recorded source position is unaffected (the SDK raises the limit for it itself); an error
   * thrown while registering gets its stack captured again here.
   */
  protected constructor(
    kind: ProviderKind,
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    if (!process.env.PULUMI_DEBUG_PROMISE_LEAKS) Error.stackTraceLimit = 0;
    try {
      super(`pulumi-nodejs:dynamic/gemini:${type}`, name, { ...props, __provider: serializedProvider(kind) }, opts);
    } catch (error) {
      Error.stackTraceLimit = stackTraceLimit;
      if (error instanceof Error) Error.captureStackTrace(error, DynamicResource);
      throw error;
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }

  /**
   * The resource's full service name, read from its id (every resource here is identified by its full
   * name) rather than from its outputs. The Node dynamic-provider host does not preview updates: for an
   * in-place update the engine previews the resource's outputs as exactly what `check` returned, so any
   * other output is unknown, and a dependent on it (a permission, a model tuned from this one) would
   * preview a replacement that `up` never makes. The engine keeps the id of a resource it updates in place,
   * in a preview too, so this name is known there; it is unknown exactly when the resource is created or
   * replaced.
   */
  protected nameFromId(): pulumi.Output<string> {
    return this.id;
  }
}

/**
 * The SDK type of an output the provider always records, taken from the provider's state type so the two
 * cannot drift apart.
 */
export type RecordedOutput<State, Key extends keyof State> = pulumi.Output<NonNullable<State[Key]>>;

/** The SDK type of an output the provider records when the service reports it (may be undefined). */
export type OptionalOutput<State, Key extends keyof State> = pulumi.Output<State[Key]>;

/**
 * `project/stack/name`: what makes a resource's creates idempotent across deploys (the provider derives
 * the autonamed id and the Vertex creation label from it). It travels as the input `autonameSeed`, the
 * key 0.1.0 recorded in state, so existing stacks see no change.
 */
export function stackQualifiedName(name: string): string {
  return `${pulumi.getProject()}/${pulumi.getStack()}/${name}`;
}
