// @ts-check
/**
 * Lets Node `require` the benchmark's TypeScript files (and the test harness they reuse) directly:
 * each `.ts` file is transpiled on load, without type checking (`npm run typecheck` covers `bench/`).
 * The product itself is loaded from `dist/` through its package name, as users load it.
 *
 * `typescript` is loaded only when the first `.ts` file is required, so a plain-JS child process that
 * loads this hook (or none) pays nothing for it.
 */
const fs = require("node:fs");

/** @type {typeof import("typescript") | undefined} */
let ts;

/** @param {NodeJS.Module & { _compile(code: string, filename: string): void }} module @param {string} filename */
function loadTypeScript(module, filename) {
  ts ??= require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
}

// Node 24 would otherwise strip types itself, which cannot handle every TypeScript construct the harness
// uses (parameter properties).
/** @type {any} */ (require).extensions[".ts"] = loadTypeScript;
