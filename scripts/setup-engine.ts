#!/usr/bin/env node
/**
 * `npm run setup:engine`: builds the real Pulumi engine (CLI) from the Go module proxy on first use and
 * caches it outside the repository (see `engine/paths.ts` for where, `engine/buildCli.ts` for how).
 * Progress goes to stderr; the last stdout line is the engine's bin folder; the exit code is non-zero on
 * failure, with the failing command, the modules the proxy refused and the command's last output.
 */
import { ensureEngine } from "./engine/ensureEngine";
import { formatDuration } from "./engine/formatDuration";
import { EngineSetupError } from "./engine/go";

async function main(): Promise<void> {
  const started = Date.now();
  try {
    const binDir = await ensureEngine();
    process.stderr.write(`[setup-engine] engine ready in ${formatDuration(Date.now() - started)}\n`);
    process.stdout.write(`${binDir}\n`);
  } catch (error) {
    process.stderr.write(`${failureReport(error).join("\n")}\n`);
    process.exitCode = 1;
  }
}

/** The lines printed for a failed setup. */
function failureReport(error: unknown): string[] {
  const lines = [`[setup-engine] FAILED: ${error instanceof Error ? error.message : String(error)}`];
  if (error instanceof EngineSetupError) {
    lines.push(`  failing command: ${error.command}`);
    for (const refusal of error.refusals) {
      lines.push(`  refused: ${refusal}`);
    }
    if (error.refusals.length > 0) {
      lines.push("  the Go module proxy (go env GOPROXY) must serve these; fix access to it and rerun `npm run setup:engine`");
    }
    if (error.outputTail.length > 0) {
      lines.push("  last output:", ...error.outputTail.map((l) => `    ${l}`));
    }
  } else if (error instanceof Error && error.stack) {
    lines.push(error.stack);
  }
  return lines;
}

void main();
