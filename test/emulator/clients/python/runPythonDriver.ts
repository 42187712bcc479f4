/**
 * Runs a Python driver (`drivers/*.py`) in the environment `ensurePythonVenv()` builds; see `../runDriver.ts`
 * for what a driver receives and must print.
 */
import * as path from "node:path";
import { DriverOptions, runDriver } from "../runDriver";
import { ensurePythonVenv } from "./ensurePythonVenv";

/** Folder of the Python driver scripts. */
export const PYTHON_DRIVERS_DIR = path.join(__dirname, "drivers");

/** Runs `drivers/<script>` with the environment's Python and returns the JSON of its last stdout line. */
export async function runPythonDriver<T = unknown>(script: string, options: DriverOptions): Promise<T> {
  const python = await ensurePythonVenv();
  return runDriver<T>(script, python, [path.join(PYTHON_DRIVERS_DIR, script)], {
    ...options,
    env: { PYTHONDONTWRITEBYTECODE: "1", PYTHONUNBUFFERED: "1", ...options.env },
  });
}
