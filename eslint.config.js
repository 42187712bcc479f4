// Lint configuration: typescript-eslint's recommended rules over every TypeScript source.
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "**/node_modules/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The dynamic-provider shim must call require() at run time (see sdk/providerShim.ts).
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
