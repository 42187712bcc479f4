import * as path from "node:path";
import type { Sandbox } from "./sandbox";

/** The passphrase of every test stack's secrets provider; test state is throwaway. */
export const testPassphrase = "pulumi-gemini-tuning-tests";

/**
 * Environment for every engine command of one test stack: an isolated file backend and PULUMI_HOME,
 * no update checks or plugin downloads (the machines have no internet), and a PATH on which the
 * engine finds the built CLI's folder (for the dynamic-provider plugin) and a Node 22+ binary (for the
 * plugin's `node` calls). `extra` wins over everything, so a test can point the provider at an emulator.
 */
export function engineEnvironment(binDir: string, sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  requireCurrentNode();
  const pathParts = [binDir, path.dirname(process.execPath), process.env.PATH ?? ""];
  return {
    PULUMI_BACKEND_URL: `file://${sandbox.stateDir}`,
    PULUMI_HOME: sandbox.pulumiHome,
    PULUMI_CONFIG_PASSPHRASE: testPassphrase,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PATH: pathParts.filter((part) => part !== "").join(path.delimiter),
    ...extra,
  };
}

/**
 * The plugin processes run on the same Node as the tests; `@pulumi/pulumi` 3.249+ needs Node 22+,
 * which only the `node` devDependency provides on these machines.
 */
function requireCurrentNode(): void {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    throw new Error(
      `Engine tests need Node 22+ but run on ${process.version} (${process.execPath}). ` +
        "Run them through npm (`npm test`, `npx jest`) so the repository's Node 24 from node_modules/.bin comes first on PATH.",
    );
  }
}
