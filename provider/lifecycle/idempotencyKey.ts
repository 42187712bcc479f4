import { createHash } from "node:crypto";

/**
 * A stable hash of a resource's stack-qualified name and everything that defines its training. Both
 * backends derive what makes a create idempotent from it (Gemini: the suffix of an autonamed id; Vertex:
 * the creation label): a deploy interrupted before Pulumi recorded the job computes the same key the next
 * time, finds the job it started and waits for it instead of training twice, while a replacement (a new
 * spec) gets a new key. Returns lowercase hex.
 */
export function idempotencyKey(stackQualifiedName: string, trainingSpec: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify([stackQualifiedName, ...trainingSpec])).digest("hex");
}
