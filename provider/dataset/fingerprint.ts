import { createHash, type Hash } from "node:crypto";
import { textsOf, type ExampleText, type ExampleTexts, type Utf8Sink } from "./exampleText";
import type { TuningExample } from "./types";

/**
 * Incremental content fingerprint of a dataset. It hashes the normalized examples (input and output
 * text, in order), not the file bytes, so re-formatting a file or converting JSONL to CSV is not a
 * retrain, while adding, removing, editing or reordering an example is.
 */
export class DatasetFingerprinter implements Utf8Sink {
  private readonly hash: Hash = createHash("sha256");
  // Examples are encoded into this buffer and hashed a megabyte at a time: one `hash.update` per example
  // crossed into native code 100,000 times for a 50 MB file and was a third of the scan's time.
  private readonly pending = Buffer.allocUnsafe(PENDING_BYTES);
  private used = 0;
  private count = 0;

  /** Adds one example. */
  add(example: TuningExample): void {
    this.addTexts(textsOf(example));
  }

  /** Adds one example given as texts (a file reader's, whose bytes are hashed without decoding them). */
  addTexts(example: ExampleTexts): void {
    // Length-prefixing makes the encoding unambiguous without escaping the texts. The bytes are the
    // UTF-8 of `${input.length}:${input}${output.length}:${output}\n` (lengths in UTF-16 units): the
    // same fingerprints as every earlier version, so upgrading never looks like new training data.
    this.writeLengthPrefixed(example.textInput);
    this.writeLengthPrefixed(example.output);
    this.writeByte(0x0a);
    this.count += 1;
  }

  /** Number of examples added so far. */
  get exampleCount(): number {
    return this.count;
  }

  /** The final fingerprint, `sha256:<hex>`. Call once. */
  digest(): string {
    this.flush();
    return `sha256:${this.hash.digest("hex")}`;
  }

  /** Appends the UTF-8 of `text` (part of {@link Utf8Sink}; use {@link add}). */
  writeText(text: string): void {
    // A UTF-16 unit becomes at most 3 UTF-8 bytes, so this bound guarantees the text fits.
    if (this.used + text.length * 3 > PENDING_BYTES) {
      this.flush();
      if (text.length * 3 > PENDING_BYTES) {
        this.hash.update(text, "utf8");
        return;
      }
    }
    this.used += this.pending.write(text, this.used, "utf8");
  }

  /** Appends UTF-8 bytes (part of {@link Utf8Sink}; use {@link addTexts}). */
  writeBytes(bytes: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > PENDING_BYTES) {
      this.flush();
      if (length > PENDING_BYTES) {
        this.hash.update(bytes.subarray(start, end));
        return;
      }
    }
    bytes.copy(this.pending, this.used, start, end);
    this.used += length;
  }

  /** `${text.length}:${text}`; the length is written digit by digit, cheaper than encoding a string. */
  private writeLengthPrefixed(text: ExampleText): void {
    if (this.used + 12 > PENDING_BYTES) this.flush();
    let value = text.length;
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    for (let i = this.used + digits - 1; i >= this.used; i--) {
      this.pending[i] = 0x30 + (value % 10);
      value = Math.floor(value / 10);
    }
    this.used += digits;
    this.pending[this.used++] = 0x3a;
    text.writeUtf8(this);
  }

  private writeByte(byte: number): void {
    if (this.used === PENDING_BYTES) this.flush();
    this.pending[this.used++] = byte;
  }

  private flush(): void {
    if (this.used === 0) return;
    this.hash.update(this.pending.subarray(0, this.used));
    this.used = 0;
  }
}

/** Size of the fingerprinter's encoding buffer. */
const PENDING_BYTES = 1 << 20;

/** Fingerprint of examples held in memory (inline datasets). */
export function datasetFingerprint(examples: readonly TuningExample[]): string {
  const fingerprinter = new DatasetFingerprinter();
  for (const example of examples) fingerprinter.add(example);
  return fingerprinter.digest();
}
