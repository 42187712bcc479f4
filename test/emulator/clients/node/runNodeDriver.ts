/**
 * Runs a Node driver (`drivers/*.mts`, TypeScript run by Node's type stripping) in a plain Node process; see
 * `../runDriver.ts` for what a driver receives and must print.
 */
import * as path from "node:path";
import { DriverOptions, runDriver } from "../runDriver";

/** Folder of the Node driver scripts. */
export const NODE_DRIVERS_DIR = path.join(__dirname, "drivers");

/** Runs `drivers/<script>` with the Node running the tests and returns the JSON of its last stdout line. */
export async function runNodeDriver<T = unknown>(script: string, options: DriverOptions): Promise<T> {
  return runDriver<T>(script, process.execPath, [path.join(NODE_DRIVERS_DIR, script)], options);
}
