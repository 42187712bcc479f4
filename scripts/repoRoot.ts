import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The root folder of this repository (the one holding its package.json), found by walking up from `from`.
 * Walking up, rather than a fixed number of `..`, gives the same answer for a source file and for its
 * compiled copy under `dist/`, which sits one level deeper.
 */
export function findRepoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (isThisPackage(path.join(dir, "package.json"))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`no package.json of pulumi-gemini-tuning in ${from} or any folder above it`);
    }
  }
}

function isThisPackage(manifest: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: unknown }).name === "pulumi-gemini-tuning";
  } catch {
    return false;
  }
}

/** The root folder of this repository. */
export const repoRoot: string = findRepoRoot(__dirname);
