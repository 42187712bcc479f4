import { createHash, type Hash } from "node:crypto";
import type { TuningExample } from "./types";

/**
 * Incremental content fingerprint of a dataset. It hashes the normalized examples (input and output
 * text, in order), not the file bytes, so re-formatting a file or converting JSONL to CSV is not a
 * retrain, while adding, removing, editing or reordering an example is.
 */
export class DatasetFingerprinter {
  private readonly hash: Hash = createHash("sha256");
  private count = 0;

  /** Adds one example. */
  add(example: TuningExample): void {
    // Length-prefixing makes the encoding unambiguous without escaping the texts.
    this.hash.update(`${example.textInput.length}:${example.textInput}${example.output.length}:${example.output}\n`);
    this.count += 1;
  }

  /** Number of examples added so far. */
  get exampleCount(): number {
    return this.count;
  }

  /** The final fingerprint, `sha256:<hex>`. Call once. */
  digest(): string {
    return `sha256:${this.hash.digest("hex")}`;
  }
}

/** Fingerprint of examples held in memory (inline datasets). */
export function datasetFingerprint(examples: readonly TuningExample[]): string {
  const fingerprinter = new DatasetFingerprinter();
  for (const example of examples) fingerprinter.add(example);
  return fingerprinter.digest();
}
