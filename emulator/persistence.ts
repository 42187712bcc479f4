/**
 * The state file: every change is written to a temporary file in the same directory, flushed, then renamed
 * over the old file, so a crash leaves either the previous or the new state, never a torn one.
 *
 * Saves are coalesced: while one write is in flight, any number of later changes are folded into a single next
 * write. A caller awaiting `save()` resumes once a write that includes its change has landed.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { PersistedState } from "./state";
import { emptyVertexState } from "./vertex/state";

/** Reads a state file; `undefined` when it does not exist. A corrupt or foreign file is an error, not a reset. */
export async function loadStateFile(file: string): Promise<PersistedState | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new Error(`State file ${file} is not valid JSON (${(err as Error).message}); move it away to start fresh.`);
  }
  const state = parsed as Partial<PersistedState>;
  if (state.version !== 1 || !Array.isArray(state.models)) {
    throw new Error(`State file ${file} was not written by this emulator (expected version 1).`);
  }
  return {
    version: 1,
    models: state.models,
    jobsCreated: state.jobsCreated ?? 0,
    jobsById: state.jobsById ?? {},
    pendingFailures: state.pendingFailures ?? { byId: {}, next: [] },
    tokens: state.tokens ?? [],
    // Files from before Vertex support have no `vertex` key; older partial ones get the missing lists.
    vertex: { ...emptyVertexState(), ...(state.vertex ?? {}) },
  };
}

/** Writes the emulator state atomically, coalescing concurrent saves. */
export class StateFileWriter {
  private requested = 0;
  private written = 0;
  private inFlight: Promise<void> | undefined;
  private tmpCounter = 0;

  /**
   * @param file the state file path
   * @param snapshot returns the state to write; called when a write starts, so it always sees the latest state
   */
  constructor(
    readonly file: string,
    private readonly snapshot: () => PersistedState,
  ) {}

  /** Records that the state changed; resolves once a write that includes this change has completed. */
  async save(): Promise<void> {
    const target = ++this.requested;
    while (this.written < target) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      const generation = this.requested;
      const data = JSON.stringify(this.snapshot());
      this.inFlight = this.writeAtomically(data)
        .then(() => {
          this.written = Math.max(this.written, generation);
        })
        .finally(() => {
          this.inFlight = undefined;
        });
      await this.inFlight;
    }
  }

  /** Waits for any write in flight (used by close()). */
  async flush(): Promise<void> {
    while (this.inFlight) await this.inFlight.catch(() => undefined);
    if (this.written < this.requested) await this.save();
  }

  private async writeAtomically(data: string): Promise<void> {
    const dir = path.dirname(this.file);
    await fs.mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${++this.tmpCounter}.tmp`);
    const handle = await fs.open(tmp, "w");
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, this.file);
  }
}
