import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { createHash, type Hash } from "node:crypto";
import type { Utf8Sink } from "./exampleText";

/** Size of the writer's batch buffer. */
const BATCH_BYTES = 1 << 20;

/**
 * Writes text to a new file as UTF-8 while computing the SHA-256 of exactly the bytes written. Writes are
 * synchronous because the dataset readers hand over examples from a synchronous callback (one chunk of the
 * input at a time), and batched a megabyte at a time so that a large dataset costs a few hundred system
 * calls, not one per example, while memory stays bounded whatever the file's size.
 */
export class HashingFileWriter implements Utf8Sink {
  private readonly fd: number;
  private readonly hash: Hash = createHash("sha256");
  private readonly pending = Buffer.allocUnsafe(BATCH_BYTES);
  private used = 0;
  private closed = false;

  /** Creates `path`, which must not exist yet (it is meant to be a fresh temporary file). */
  constructor(path: string) {
    this.fd = openSync(path, "wx");
  }

  /** Appends the UTF-8 of `text`. */
  writeText(text: string): void {
    // A UTF-16 unit becomes at most 3 UTF-8 bytes, so this bound guarantees the text fits the buffer.
    if (this.used + text.length * 3 > BATCH_BYTES) {
      this.flush();
      if (text.length * 3 > BATCH_BYTES) {
        this.emit(Buffer.from(text, "utf8"));
        return;
      }
    }
    this.used += this.pending.write(text, this.used, "utf8");
  }

  /** Appends UTF-8 bytes. */
  writeBytes(bytes: Buffer, start: number, end: number): void {
    const length = end - start;
    if (this.used + length > BATCH_BYTES) {
      this.flush();
      if (length > BATCH_BYTES) {
        this.emit(bytes.subarray(start, end));
        return;
      }
    }
    bytes.copy(this.pending, this.used, start, end);
    this.used += length;
  }

  /** Flushes, syncs to disk (so a rename after it never exposes a truncated file) and closes; returns the hex SHA-256. */
  finish(): string {
    this.flush();
    fsyncSync(this.fd);
    this.close();
    return this.hash.digest("hex");
  }

  /** Closes the file without finishing it (after an error); safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.emit(this.pending.subarray(0, this.used));
    this.used = 0;
  }

  private emit(bytes: Uint8Array): void {
    this.hash.update(bytes);
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.fd, bytes, offset, bytes.length - offset);
  }
}
