/**
 * Where the Pulumi engine this project runs on lives, and how to find it without building anything.
 * The layout is the one `PulumiCommand.get({ root })` expects (`<root>/bin/pulumi`), with the
 * dynamic-provider plugin script next to the CLI.
 */
import * as os from "node:os";
import * as path from "node:path";
import { isExecutable } from "./executable";

/** The one engine version this project is built and tested against (same as `@pulumi/pulumi`). */
export const ENGINE_VERSION = "v3.276.0";

/** File name of the dynamic-provider plugin script shipped in `@pulumi/pulumi`. */
export const PLUGIN_SCRIPT = "pulumi-resource-pulumi-nodejs";

/** The files of one engine version. */
export interface EnginePaths {
  /** `<cache>/<version>`: everything of this version, including the build's Go modules and lock. */
  readonly root: string;
  /** `<root>/bin`: the folder to put first on PATH. */
  readonly binDir: string;
  /** The CLI binary. */
  readonly pulumi: string;
  /** The dynamic-provider plugin script. */
  readonly plugin: string;
}

/**
 * Where the engine for {@link ENGINE_VERSION} lives: `$PULUMI_GEMINI_ENGINE_DIR/<version>` or
 * `${XDG_CACHE_HOME:-~/.cache}/pulumi-gemini-tuning/engine/<version>`.
 */
export function enginePaths(env: NodeJS.ProcessEnv = process.env): EnginePaths {
  const cacheHome = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  const base = env.PULUMI_GEMINI_ENGINE_DIR || path.join(cacheHome, "pulumi-gemini-tuning", "engine");
  const root = path.resolve(base, ENGINE_VERSION);
  const binDir = path.join(root, "bin");
  return { root, binDir, pulumi: path.join(binDir, "pulumi"), plugin: path.join(binDir, PLUGIN_SCRIPT) };
}

/**
 * Finds an already built engine without building anything (for tests, which must never build or skip).
 * Returns the absolute bin folder holding `pulumi` and `pulumi-resource-pulumi-nodejs`; throws an error
 * naming `npm run setup:engine` when either is missing.
 */
export function locateEngine(env: NodeJS.ProcessEnv = process.env): string {
  const paths = enginePaths(env);
  const missing = [paths.pulumi, paths.plugin].filter((file) => !isExecutable(file));
  if (missing.length > 0) {
    throw new Error(
      `The Pulumi engine ${ENGINE_VERSION} is not set up (missing ${missing.join(", ")}). ` +
        "Run `npm run setup:engine` (it builds the CLI from the Go module proxy, ~8 minutes the first time).",
    );
  }
  return paths.binDir;
}
