// Tests are TypeScript run through ts-jest. Type errors are caught by `npm run typecheck`,
// so ts-jest only transpiles (isolatedModules), which keeps the suite fast on 2 cores.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { isolatedModules: true, diagnostics: false }],
  },
  // Engine tests start real `pulumi` processes; give them room and run two files at a time.
  // Examples import the package by name, as users do; in tests that name means the sources.
  moduleNameMapper: { "^pulumi-gemini-tuning$": "<rootDir>/sdk/index.ts" },
  testTimeout: 120000,
  maxWorkers: 2,
  verbose: true,
};
