import * as fs from "node:fs";
import { buildCli, versionOf } from "./buildCli";
import { withBuildLock } from "./buildLock";
import { languageHostStatusFile, tryLanguageHost } from "./languageHost";
import type { Log } from "./log";
import { ENGINE_VERSION, enginePaths } from "./paths";
import { installPluginScript } from "./pluginScript";

/** Options of {@link ensureEngine}. */
export interface EnsureEngineOptions {
  /** Receives progress lines; by default they go to stderr prefixed with `[setup-engine]`. */
  log?: Log;
  /** Where to read the cache overrides from (see `enginePaths`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Makes sure the engine is built, verified and next to its plugin; builds it on first use. Safe to call
 * concurrently from several processes (a lock folder serialises builds). Resolves with the absolute bin
 * folder.
 */
export async function ensureEngine(options: EnsureEngineOptions = {}): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[setup-engine] ${line}\n`));
  const paths = enginePaths(options.env);
  const ready = () => versionOf(paths.pulumi) === ENGINE_VERSION && fs.existsSync(languageHostStatusFile(paths));
  if (!ready()) {
    await withBuildLock(paths.root, log, async () => {
      // Another process may have finished the build while we waited for the lock.
      if (versionOf(paths.pulumi) !== ENGINE_VERSION) {
        await buildCli(paths, log);
      }
      await tryLanguageHost(paths, log);
    });
  } else {
    log(`pulumi ${ENGINE_VERSION} already built in ${paths.binDir}`);
    await tryLanguageHost(paths, log);
  }
  installPluginScript(paths.plugin, log);
  return paths.binDir;
}
