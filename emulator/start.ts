/**
 * `startEmulator()`: loads the state file (if any), builds the core and control, and starts the server.
 */
import { createControl, EmulatorControl } from "./control";
import { EmulatorCore } from "./core";
import { EmulatorOptions, resolveOptions } from "./options";
import { loadStateFile } from "./persistence";
import { startServer } from "./server";

/** A running emulator. */
export interface EmulatorHandle {
  /** Base URL, e.g. `http://127.0.0.1:PORT` (no trailing slash). */
  url: string;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** In-process control (same operations as `/emulator/...` over HTTP). */
  control: EmulatorControl;
  /** Stops listening, drops open connections and waits for the state file to be written. */
  close(): Promise<void>;
}

/**
 * Starts an emulator. With `stateFile`, the state in that file is loaded first (models, operations, training
 * progress, issued tokens) and every change is written back atomically.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const resolved = resolveOptions(options);
  const initial = resolved.stateFile ? await loadStateFile(resolved.stateFile) : undefined;
  const core = new EmulatorCore(resolved, initial);
  const control = createControl(core);
  const server = await startServer(core, control);
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    control,
    close: () => {
      closing ??= (async () => {
        await server.close();
        core.advanceTraining();
        core.touch();
        await core.persist();
        await core.flush();
      })();
      return closing;
    },
  };
}
