import type { DatasetSpec, InlineDatasetSpec, TuningExample } from "./types";

/**
 * Inline examples as they travel in resource inputs: one string, the JSON array of `[textInput, output]`
 * pairs. The engine and the SDKs marshal every nested object as its own property value, at every
 * registration, check and diff; one string costs the same as any other string. The fingerprint and the
 * count travel beside it as their own properties, so a preview still shows what changed.
 *
 * This module imports nothing at run time: the SDK packs in the user's program without loading the
 * provider.
 */
export function packExamples(examples: readonly TuningExample[]): string {
  return JSON.stringify(examples.map((example) => [example.textInput, example.output]));
}

/**
 * The examples of {@link packExamples}' string, or the value unchanged when it is not one (already an
 * array of example objects, as 0.1.0 sent and recorded them, or anything the input schema should reject
 * with its own message).
 */
export function unpackExamples(value: unknown): unknown {
  if (typeof value !== "string") return value;
  let pairs: unknown;
  try {
    pairs = JSON.parse(value);
  } catch {
    return value;
  }
  if (!Array.isArray(pairs) || !pairs.every(isPair)) return value;
  return pairs.map(([textInput, output]) => ({ textInput, output }));
}

function isPair(value: unknown): value is [unknown, unknown] {
  return Array.isArray(value) && value.length === 2;
}

/** An inline dataset as resource inputs carry it: the examples packed by {@link packExamples}. */
export type PackedInlineDatasetSpec = Omit<InlineDatasetSpec, "examples"> & { examples: string };

/** A dataset as resource inputs carry it: inline examples packed, file datasets as they are. */
export function packedDatasetSpec<Spec extends DatasetSpec>(spec: Spec): Exclude<Spec, InlineDatasetSpec> | PackedInlineDatasetSpec {
  if (spec.kind !== "inline") return spec as Exclude<Spec, InlineDatasetSpec>;
  return { ...(spec as InlineDatasetSpec), examples: packExamples((spec as InlineDatasetSpec).examples) };
}

/**
 * Resource inputs as the engine hands them back (packed, from state or from check) with the inline
 * examples unpacked, so the provider works on one shape whichever version wrote them.
 */
export function withUnpackedExamples<Inputs extends { trainingData?: unknown }>(inputs: Record<string, unknown>): Inputs {
  const dataset = inputs.trainingData as { kind?: unknown; examples?: unknown } | undefined;
  if (dataset?.kind !== "inline") return inputs as Inputs;
  return { ...inputs, trainingData: { ...dataset, examples: unpackExamples(dataset.examples) } } as Inputs;
}
