import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Deployment } from "@pulumi/pulumi/automation";

const execFileAsync = promisify(execFile);

/**
 * Runs `pulumi stack export` without `--show-secrets`. The Automation API's `exportStack` always adds
 * that flag, which would hide whether secrets are really encrypted in state.
 */
export async function exportEncryptedState(
  pulumi: string,
  stackName: string,
  workDir: string,
  envVars: Readonly<Record<string, string>>,
): Promise<Deployment> {
  const { stdout } = await execFileAsync(pulumi, ["stack", "export", "--stack", stackName, "--non-interactive"], {
    cwd: workDir,
    env: { ...process.env, ...envVars },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Deployment;
}
