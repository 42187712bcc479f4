import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "./engineLocation";
import { packDirectory } from "./packDirectory";

/** The source folders `npm run build` compiles into `dist/` and the package ships. */
const SHIPPED_SOURCES = ["sdk", "provider", "emulator"];

/**
 * This working tree's package, packed into `destination` exactly as `npm publish` would pack it now.
 * The package ships `dist/`, so a source newer than its compiled file means the tarball would not be
 * the working tree: that fails, naming the file and `npm run build`, instead of testing stale code.
 */
export async function workingTreeTarball(destination: string): Promise<string> {
  for (const folder of SHIPPED_SOURCES) {
    for (const source of typeScriptSources(path.join(repoRoot, folder))) {
      const relative = path.relative(repoRoot, source);
      const compiled = path.join(repoRoot, "dist", relative.replace(/\.ts$/, ".js"));
      if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs) {
        throw new Error(`dist/ is older than ${relative} (or lacks it): run \`npm run build\` before this test`);
      }
    }
  }
  return packDirectory(repoRoot, destination);
}

function typeScriptSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
