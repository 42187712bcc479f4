// Lint configuration: typescript-eslint's recommended rules over every TypeScript source.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  // .venv-clients/ holds the Python client tests' virtual environment (test/emulator/clients/python/).
  { ignores: ["dist/**", "**/node_modules/**", ".venv-clients/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The dynamic-provider shim must call require() at run time (see sdk/providerShim.ts).
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // --- Emulator layout: the two halves stay apart ---
  // emulator/gemini/ and emulator/vertex/ never import each other or emulator/core.ts; the core composes
  // them through emulator/half.ts. (The TypeScript variant of the rule is used so this block does not replace
  // the options of any plain no-restricted-imports block that also covers emulator/.)
  {
    files: ["emulator/gemini/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/vertex", "**/vertex/**"], message: "emulator/gemini/ never imports emulator/vertex/." },
            { group: ["**/core"], message: "The halves never import emulator/core.ts; it drives them through half.ts." },
          ],
        },
      ],
    },
  },
  {
    files: ["emulator/vertex/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/gemini", "**/gemini/**"], message: "emulator/vertex/ never imports emulator/gemini/." },
            { group: ["**/core"], message: "The halves never import emulator/core.ts; it drives them through half.ts." },
          ],
        },
      ],
    },
  },
);
