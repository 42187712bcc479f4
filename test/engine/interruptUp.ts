import type { StackStepError, TestStack } from "../harness";
import { interruptProviders } from "../reliability/support/stacks";

/**
 * Runs `up` and presses Ctrl-C as soon as a line matching `at` appears: the CLI is cancelled and the
 * dynamic-provider processes get SIGINT, as in a terminal (same process group). Returns whether the
 * interrupt happened and everything the up printed.
 */
export async function upInterruptedAt(stack: TestStack, at: RegExp): Promise<{ interrupted: boolean; output: string }> {
  const abort = new AbortController();
  let interrupted = false;
  const output = await stack
    .up({
      signal: abort.signal,
      onLine: (line) => {
        if (interrupted || !at.test(line)) return;
        interrupted = true;
        abort.abort();
        interruptProviders(stack.workDir);
      },
    })
    .then(() => "completed", (error: StackStepError) => error.trace.outputLines.join("\n"));
  return { interrupted, output };
}
