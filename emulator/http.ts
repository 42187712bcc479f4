/**
 * Small HTTP helpers: bounded body reading and cancellable delays.
 */
import type { IncomingMessage } from "node:http";

/** Largest request body read (an emulator guard; Google's own limit for this API is not documented). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The body as text, or `undefined` when it exceeded the limit (the rest is drained, not buffered). */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Delays that can all be released at once when the server closes. */
export class Delays {
  private pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  /** Resolves after `ms`, or earlier if `releaseAll()` is called. */
  wait(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.pending.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.pending.add(entry);
    });
  }

  /** Ends every pending delay now. */
  releaseAll(): void {
    for (const entry of this.pending) {
      clearTimeout(entry.timer);
      entry.resolve();
    }
    this.pending.clear();
  }
}
