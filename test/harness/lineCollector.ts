/**
 * Reassembles whole lines from the chunks the Automation API hands to `onOutput`/`onError`,
 * which split wherever the pipe happened to flush.
 */
export class LineCollector {
  /** Every complete line seen so far, in order, without line terminators. */
  readonly lines: string[] = [];
  private pending = "";

  /** @param onLine - called with each complete line as soon as it arrives (e.g. to react to progress). */
  constructor(private readonly onLine?: (line: string) => void) {}

  /** Feeds one chunk of output. */
  push(chunk: string): void {
    const parts = (this.pending + chunk).split(/\r?\n/);
    this.pending = parts.pop() ?? "";
    parts.forEach((line) => this.emit(line));
  }

  /** Emits the unterminated tail, once the command has ended. */
  flush(): void {
    if (this.pending !== "") {
      this.emit(this.pending);
      this.pending = "";
    }
  }

  private emit(line: string): void {
    this.lines.push(line);
    this.onLine?.(line);
  }
}
