import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import type { PulumiFn } from "@pulumi/pulumi/automation";

/**
 * An `examples/<name>/index.ts` as an inline program. Pulumi programs declare resources when their module
 * is evaluated, and every engine run (preview, up, ...) needs them declared again, so the example is
 * evaluated afresh each time, with this file's `require` (where `pulumi-gemini-tuning` is the sources)
 * and its own `__dirname` (examples read their data files relative to it). Its exports are the stack outputs.
 */
export function exampleProgram(example: string): PulumiFn {
  const file = path.join(__dirname, "..", "..", "examples", example, "index.ts");
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: file,
  });
  return async () => {
    const module = { exports: {} as Record<string, unknown> };
    const evaluate = new Function("exports", "require", "module", "__filename", "__dirname", outputText);
    evaluate(module.exports, require, module, file, path.dirname(file));
    return module.exports;
  };
}
