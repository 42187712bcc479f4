// Lint configuration: typescript-eslint's recommended rules over every TypeScript source, plus the
// dependency rules that keep the architecture from eroding.
const tseslint = require("typescript-eslint");

// ---- Dependency rules of provider/ and the emulator's independence --------------------------------
// Each folder may import only what its role allows; a violation fails `npm run lint` (and so `npm test`)
// with the message below. Imports are relative, so the patterns match `../` (or `../../`) + folder.
// ESLint replaces (does not merge) a rule's options when several blocks match a file, so every block
// lists all patterns that apply to its files. Emulator-internal rules belong in their own block below.
const up = (...folders) => `^(\\.\\./)+(${folders.join("|")})(/|$)`;
const noSdk = { regex: up("sdk"), message: "provider/ never imports sdk/: the SDK depends on the provider, not the other way round." };
const backendRules = {
  "provider/lifecycle/**": [{ regex: up("gemini", "vertex"), message: "lifecycle/ is the one resource engine: it never imports a backend (gemini/, vertex/); take what it needs through TrainingBackend." }],
  "provider/waiter/**": [{ regex: "^\\.\\./", message: "waiter/ imports only its own files: the backend's poller hands it poll and classify." }],
  "provider/gemini/**": [{ regex: up("vertex"), message: "gemini/ and vertex/ never import each other: shared code goes to google/ or lifecycle/." }],
  "provider/vertex/**": [{ regex: up("gemini"), message: "gemini/ and vertex/ never import each other: shared code goes to google/ or lifecycle/." }],
  "provider/google/**": [{ regex: up("gemini", "vertex"), message: "google/ holds what both backends share: it never imports a backend." }],
  "provider/client/**": [{ regex: up("gemini", "vertex"), message: "client/ is the HTTP layer and knows no service: it never imports a backend." }],
  "provider/auth/**": [{ regex: up("client"), message: "auth/ never imports client/: the client takes an authorizer, not the other way round." }],
};
const dependencyRules = [
  { files: ["provider/**/*.ts"], rules: { "no-restricted-imports": ["error", { patterns: [noSdk] }] } },
  ...Object.entries(backendRules).map(([folder, patterns]) => ({
    files: [`${folder}/*.ts`],
    rules: { "no-restricted-imports": ["error", { patterns: [noSdk, ...patterns] }] },
  })),
  {
    files: ["emulator/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "pulumi-gemini-tuning", message: "emulator/ is independent of the product: it never imports the package." }],
          patterns: [
            { regex: up("provider", "sdk"), message: "emulator/ never imports provider/ or sdk/: sharing wire types would let bugs cancel out." },
            { regex: "^pulumi-gemini-tuning/", message: "emulator/ is independent of the product: it never imports the package." },
          ],
        },
      ],
    },
  },
];
// ---- End of the provider and emulator dependency rules -----------------------------------------

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
  ...dependencyRules,
);
