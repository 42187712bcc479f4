import { execFile } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/**
 * Runs a program to completion and returns its stdout. A failure names the command, its folder and the
 * tail of what it printed, which is what someone reading a CI log needs to reproduce it.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      timeout: options.timeoutMs ?? 10 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message?: string };
    const tail = `${failed.stderr ?? ""}\n${failed.stdout ?? ""}`.trim().split("\n").slice(-20).join("\n");
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${options.cwd}: ${failed.message ?? String(error)}\n${tail}`);
  }
}
