import * as fs from "node:fs";
import { isExecutable } from "./executable";
import type { Log } from "./log";
import { PLUGIN_SCRIPT } from "./paths";

/**
 * Copies the dynamic-provider plugin shipped in `@pulumi/pulumi` next to the CLI, where the engine finds it
 * on PATH. Re-copied when missing or different, so an SDK reinstall cannot leave a stale script behind.
 */
export function installPluginScript(target: string, log: Log): void {
  const source = require.resolve(`@pulumi/pulumi/${PLUGIN_SCRIPT}`);
  const wanted = fs.readFileSync(source);
  const current = fs.existsSync(target) ? fs.readFileSync(target) : undefined;
  if (current && current.equals(wanted) && isExecutable(target)) {
    return;
  }
  const partial = `${target}.partial-${process.pid}`;
  fs.writeFileSync(partial, wanted, { mode: 0o755 });
  fs.chmodSync(partial, 0o755);
  fs.renameSync(partial, target);
  log(`installed ${PLUGIN_SCRIPT} from ${source}`);
}
