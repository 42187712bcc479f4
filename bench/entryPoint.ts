/**
 * Runs a benchmark process's main function when its file is the one Node started: its result becomes the
 * exit code, and a failure is printed with its stack and exits 1.
 */
export function runIfMain(module: NodeJS.Module, main: () => Promise<number>): void {
  if (require.main !== module) return;
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
