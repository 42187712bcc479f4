import * as path from "node:path";
import { runCommand } from "./commandRunner";

/**
 * `npm pack` of a package folder into `destination`, as `npm publish` would pack it (its `files` list,
 * its package.json); returns the tarball's path. Lifecycle scripts are skipped: this package's only
 * script that `npm pack` runs (`prepare`) links the package to itself, which changes nothing packed.
 */
export async function packDirectory(packageDir: string, destination: string): Promise<string> {
  const stdout = await runCommand("npm", ["pack", "--json", "--ignore-scripts", "--loglevel=error", "--pack-destination", destination], {
    cwd: packageDir,
  });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string }>;
  if (!packed?.filename) throw new Error(`npm pack in ${packageDir} reported no tarball: ${stdout}`);
  return path.join(destination, packed.filename);
}
