import * as path from "node:path";

/** The part of `scripts/setup-engine.js` the harness relies on (that file is plain JavaScript). */
interface EngineSetupModule {
  readonly ENGINE_VERSION: string;
  locateEngine(env?: NodeJS.ProcessEnv): string;
}

/** Root of this repository, which the throwaway work dirs link back to. */
export const repoRoot = path.resolve(__dirname, "..", "..");

const engineSetup = require(path.join(repoRoot, "scripts", "setup-engine.js")) as EngineSetupModule;

/** The Pulumi CLI version the engine tests run on, e.g. `v3.259.0`. */
export const engineVersion: string = engineSetup.ENGINE_VERSION;

/**
 * The folder holding the built `pulumi` and `pulumi-resource-pulumi-nodejs`. Uses the same lookup as
 * `npm run setup:engine` and never builds: a test without an engine fails (never skips) with an error
 * naming that command.
 */
export function locateEngine(): string {
  return engineSetup.locateEngine();
}
