/**
 * Stacks for the reliability tests, configured as a user would: `gemini:baseUrl` and a secret
 * `gemini:apiKey` in stack config. Also: finding the engine's dynamic-provider processes (to deliver
 * Ctrl-C to them as a terminal would) and collecting what a step showed.
 */
import * as fs from "node:fs";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { createTestStack, StackStepError, type StepTrace, type TestStack } from "../../harness";

/** A throwaway stack whose provider talks to `baseUrl` with `apiKey`. */
export function reliabilityStack(program: PulumiFn, baseUrl: string, apiKey = "reliability-test-key", projectName?: string): Promise<TestStack> {
  return createTestStack({
    program,
    ...(projectName !== undefined && { projectName }),
    config: { "gemini:baseUrl": baseUrl },
    secrets: { "gemini:apiKey": apiKey },
  });
}

/**
 * Pids of the dynamic-provider processes serving a stack (the engine starts them in its work dir). In a
 * terminal, Ctrl-C reaches them too (same process group); the Automation API signals only the CLI.
 */
export function providerProcesses(workDir: string): number[] {
  const pids: number[] = [];
  const want = fs.realpathSync(workDir);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes("dynamic-provider") && fs.realpathSync(`/proc/${entry}/cwd`) === want) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

/** Sends SIGINT to the stack's provider processes, as Ctrl-C in a terminal does. */
export function interruptProviders(workDir: string): number {
  const pids = providerProcesses(workDir);
  for (const pid of pids) {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}

/** Everything a step showed a user: stdout, stderr, and the engine's diagnostics. */
export function shownText(trace: StepTrace): string {
  return [...trace.outputLines, ...trace.errorLines, ...trace.diagnostics.map((d) => d.message)].join("\n");
}

/** Runs a step that must fail; returns its trace (fails the test if it succeeded). */
export async function expectStepFailure(step: Promise<unknown>): Promise<StackStepError> {
  const outcome = await step.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof StackStepError)) {
    throw new Error(`expected the step to fail with StackStepError, got ${outcome === undefined ? "success" : String(outcome)}`);
  }
  return outcome;
}
