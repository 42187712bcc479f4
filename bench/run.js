#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: runs every benchmark of issue 6, prints a table and writes `bench/results.json`.
 * `prebench` installs, builds `dist/` and sets up the engine; this file only starts the TypeScript
 * benchmark driver (`bench/main.ts`, see there for what is measured and how).
 *
 *   npm run bench                 # everything, about 11 minutes on 2 cores
 *   node bench/run.js --only fingerprint,preview   # a subset (results.json is then not written)
 */
require("./tsHook");

/**
 * `node bench/run.js --child <name> <json>` runs `bench/<name>Child.ts` (a measurement that needs a process
 * of its own) and is how `main.ts` starts them.
 * @type {Promise<number>}
 */
const finished =
  process.argv[2] === "--child"
    ? require(`./${process.argv[3]}Child.ts`).childMain(process.argv[4])
    : require("./main.ts").main(process.argv.slice(2));

finished.then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
