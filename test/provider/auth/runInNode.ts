import { execFile } from "node:child_process";
import { resolve } from "node:path";

const REPO = resolve(__dirname, "../../..");

// Loads the repository's TypeScript in a plain Node process: each .ts file is transpiled on require,
// as ts-jest does, but outside jest's VM sandbox (where libraries' dynamic `import()` cannot run).
const REGISTER = `
const ts = require("typescript");
const fs = require("fs");
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
`;

/**
 * Runs `body` (JavaScript with `require` resolving from the repository root, ending in a promise whose value
 * is printed as JSON) in a child Node process, and returns that value.
 */
export function runInNode<T>(body: string, env: Record<string, string>): Promise<T> {
  const script = `${REGISTER}\nPromise.resolve().then(async () => { ${body} }).then(
    (value) => { process.stdout.write(JSON.stringify({ value })); },
    (error) => { process.stdout.write(JSON.stringify({ error: String(error && error.message || error) })); });`;
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, ["-e", script], { cwd: REPO, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`child failed: ${error.message}\n${stderr}`));
        return;
      }
      const result = JSON.parse(stdout) as { value?: T; error?: string };
      if (result.error !== undefined) reject(new Error(result.error));
      else resolvePromise(result.value as T);
    });
  });
}
