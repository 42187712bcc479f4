import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCommand } from "./commandRunner";
import { repoRoot } from "./engineLocation";
import { packDirectory } from "./packDirectory";

/** A released version of this package: its version and the commit it was cut from. */
export interface Release {
  /** The `version` in that commit's package.json, e.g. `0.1.0`. */
  readonly version: string;
  /** The commit (an abbreviation is enough), e.g. `06ab214`. */
  readonly commit: string;
}

/** Where built release tarballs are kept: `${XDG_CACHE_HOME:-~/.cache}/pulumi-gemini-tuning/releases`. */
export function releaseCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-gemini-tuning", "releases");
}

/**
 * The package as it was released at `release.commit`, packed the way `npm publish` would have packed it:
 * the commit's files from git, its own locked dependencies, its own build script, `npm pack`. Built once
 * per machine and kept in {@link releaseCacheDir}, so later calls take no time. Concurrent builders need
 * no lock: each builds in its own folder and moves its tarball into place with one atomic rename, so a
 * reader sees either no tarball or a complete one.
 */
export async function releaseTarball(release: Release, onBuild: (message: string) => void = () => {}): Promise<string> {
  const cacheDir = releaseCacheDir();
  const tarball = path.join(cacheDir, `pulumi-gemini-tuning-${release.version}-${release.commit}.tgz`);
  if (fs.existsSync(tarball)) return tarball;

  await requireCommit(release);
  fs.mkdirSync(cacheDir, { recursive: true });
  const buildDir = fs.mkdtempSync(path.join(cacheDir, `.build-${release.commit}-`));
  try {
    const started = Date.now();
    const source = path.join(buildDir, "source");
    fs.mkdirSync(source);
    const archive = path.join(buildDir, "source.tar");
    await runCommand("git", ["archive", "--format=tar", "-o", archive, release.commit], { cwd: repoRoot });
    await runCommand("tar", ["-xf", archive, "-C", source], { cwd: buildDir });
    // `npm install`, not `npm ci`: 0.1.0's lock lacks the optional per-platform entries of one dev
    // dependency, which `npm ci` refuses; `npm install` adds those entries and keeps every version the
    // lock pins. Scripts are skipped: the release's own only links the package to itself, and its `node`
    // dev dependency's only fetches a Node binary; neither changes what is built or packed.
    await runCommand("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: source });
    await runCommand("npm", ["run", "--silent", "build"], { cwd: source });
    const packed = await packDirectory(source, buildDir);
    fs.renameSync(packed, tarball);
    onBuild(`built ${path.basename(tarball)} from ${release.commit} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return tarball;
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
}

/** Fails, saying what to do, unless this clone holds the release commit with the expected version. */
async function requireCommit(release: Release): Promise<void> {
  let manifest: string;
  try {
    manifest = await runCommand("git", ["show", `${release.commit}:package.json`], { cwd: repoRoot });
  } catch (error) {
    throw new Error(
      `The upgrade test builds release ${release.version} from commit ${release.commit}, which this clone (${repoRoot}) ` +
        "does not hold. Fetch the full history: `git fetch --unshallow` (or clone without --depth).\n" +
        String(error),
    );
  }
  const version = (JSON.parse(manifest) as { version?: string }).version;
  if (version !== release.version) {
    throw new Error(`commit ${release.commit} is version ${version}, not ${release.version}: the test names the wrong release commit`);
  }
}
