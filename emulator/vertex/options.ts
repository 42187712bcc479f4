/**
 * Options of the Vertex AI routes (`EmulatorOptions.vertex`) and their defaults.
 */

/** How the Vertex side of the emulator behaves. Every field is optional. */
export interface VertexOptions {
  /**
   * Cloud Storage buckets mapped to local directories (bucket name -> directory). A dataset URI in a mapped
   * bucket is read from `directory/object`; any other `gs://` URI is accepted without being read.
   */
  gcsBuckets?: Record<string, string>;
  /**
   * Base models a tuning job may name. An entry ending in `*` is a prefix. Default: `["gemini-*"]` (any Gemini
   * name, since Google changes the tunable set often). Names may also be given as
   * `publishers/google/models/{m}` or `projects/{p}/locations/{l}/publishers/google/models/{m}`.
   */
  baseModels?: string[];
  /** Example count assumed for a dataset that was not read (default 16): drives steps and stats. */
  unreadExampleCount?: number;
  /** What generateContent answers when the job's dataset was not read (default `VERTEX_FIXED_ANSWER`). */
  fixedAnswer?: string;
}

/** The answer of an endpoint whose training data the emulator never saw. */
export const VERTEX_FIXED_ANSWER = "This is the emulated tuned model's answer.";

/** Vertex options with defaults applied. */
export interface ResolvedVertexOptions {
  gcsBuckets: Readonly<Record<string, string>>;
  baseModels: readonly string[];
  unreadExampleCount: number;
  fixedAnswer: string;
}

/** Applies defaults; rejects impossible values with a message naming the option. */
export function resolveVertexOptions(options: VertexOptions = {}): ResolvedVertexOptions {
  const unread = options.unreadExampleCount ?? 16;
  if (!Number.isInteger(unread) || unread < 1) {
    throw new RangeError(`vertex.unreadExampleCount must be a positive integer (got ${unread}).`);
  }
  const baseModels = options.baseModels ?? ["gemini-*"];
  if (!Array.isArray(baseModels) || baseModels.some((m) => typeof m !== "string" || m === "")) {
    throw new RangeError("vertex.baseModels must be a list of non-empty model names or prefixes ending in *.");
  }
  return {
    gcsBuckets: { ...(options.gcsBuckets ?? {}) },
    baseModels: [...baseModels],
    unreadExampleCount: unread,
    fixedAnswer: options.fixedAnswer ?? VERTEX_FIXED_ANSWER,
  };
}

/** The short model id of a base-model name in any accepted form (`gemini-2.5-flash`). */
export function shortBaseModel(name: string): string {
  const m = /^(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/google\/models\/([^/]+)$/.exec(name);
  return m ? m[1] : name;
}

/** Whether `name` is an accepted base model under `patterns`. */
export function isAcceptedBaseModel(name: string, patterns: readonly string[]): boolean {
  const id = shortBaseModel(name);
  if (!/^[a-z0-9][a-z0-9.@_-]*$/.test(id)) return false;
  return patterns.some((p) => (p.endsWith("*") ? id.startsWith(p.slice(0, -1)) : id === p));
}
