import * as fs from "node:fs/promises";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "./engineLocation";

/** The throwaway folders one test stack lives in; removing `root` removes everything. */
export interface Sandbox {
  /** Parent of all the folders below. */
  readonly root: string;
  /** The LocalWorkspace work dir and project `main`: `Pulumi.yaml` lives here and plugins start here. */
  readonly workDir: string;
  /** The file state backend (`PULUMI_BACKEND_URL=file://...`). */
  readonly stateDir: string;
  /** `PULUMI_HOME`, so no test reads or writes the user's `~/.pulumi`. */
  readonly pulumiHome: string;
}

/**
 * Creates the folders for one stack. The work dir gets a `node_modules` with two links back into this
 * repository, because the stack's project `main` is the work dir, so the engine starts plugins there and
 * they resolve modules from it, as in a user's project:
 * - `@pulumi`: the dynamic-provider plugin script runs `require.resolve('@pulumi/pulumi/cmd/dynamic-provider')`;
 * - `pulumi-gemini-tuning`: the provider host rebuilds the serialized provider with module paths taken
 *   from its cwd, and the product's provider shim does `require("pulumi-gemini-tuning/provider")`.
 * Node resolves through the links' real paths, so everything else comes from the repository's node_modules.
 */
export async function createSandbox(): Promise<Sandbox> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "pgt-stack-"));
  const sandbox: Sandbox = {
    root,
    workDir: path.join(root, "work"),
    stateDir: path.join(root, "state"),
    pulumiHome: path.join(root, "pulumi-home"),
  };
  const modules = path.join(sandbox.workDir, "node_modules");
  await fs.mkdir(modules, { recursive: true });
  await fs.mkdir(sandbox.stateDir);
  await fs.mkdir(sandbox.pulumiHome);
  await fs.symlink(path.join(repoRoot, "node_modules", "@pulumi"), path.join(modules, "@pulumi"), "dir");
  await fs.symlink(repoRoot, path.join(modules, "pulumi-gemini-tuning"), "dir");
  return sandbox;
}

/** Removes every folder of the sandbox. */
export async function removeSandbox(sandbox: Sandbox): Promise<void> {
  await fs.rm(sandbox.root, { recursive: true, force: true });
}
