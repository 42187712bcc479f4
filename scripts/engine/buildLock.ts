/**
 * Serialises engine builds across processes with an exclusive lock folder, so two `npm test` runs on a cold
 * cache do not compile twice into the same files. The lock is `<root>/build.lock`, a folder (mkdir is atomic)
 * holding an `owner` file with the builder's pid. Stale locks (dead owner or too old) are taken over.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Log } from "./log";

/** A build lock older than this is assumed abandoned (a cold build takes under 10 minutes on 2 cores). */
export const STALE_LOCK_MS = 45 * 60_000;
/** How long a lock may lack its owner file: the owner writes it right after creating the folder. */
export const OWNERLESS_LOCK_MS = 60_000;
const POLL_MS = 2_000;

/** The lock folder guarding builds into `root`. */
export function buildLockPath(root: string): string {
  return path.join(root, "build.lock");
}

/** Runs `action` holding the build lock of `root`, waiting while a live process holds it. */
export async function withBuildLock(root: string, log: Log, action: () => Promise<void>): Promise<void> {
  fs.mkdirSync(root, { recursive: true });
  const lock = buildLockPath(root);
  let announced = false;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "owner"), `${process.pid}\n`);
      break;
    } catch (error) {
      if (errorCode(error) !== "EEXIST") {
        throw error;
      }
    }
    if (isStaleLock(lock)) {
      log(`taking over an abandoned build lock at ${lock}`);
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (!announced) {
      log(`another process is building the engine (lock ${lock}); waiting for it`);
      announced = true;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    await action();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Whether a lock folder was abandoned: older than {@link STALE_LOCK_MS}, or its owner process is gone, or it
 * has had no owner file for longer than {@link OWNERLESS_LOCK_MS}. A lock whose owner is alive but not ours
 * to signal (another user) counts as held.
 */
export function isStaleLock(lock: string): boolean {
  try {
    const age = Date.now() - fs.statSync(lock).mtimeMs;
    const owner = Number(fs.readFileSync(path.join(lock, "owner"), "utf8").trim());
    if (age > STALE_LOCK_MS) {
      return true;
    }
    process.kill(owner, 0);
    return false;
  } catch (error) {
    // No owner file yet means the owner is between mkdir and write: not stale unless old.
    if (errorCode(error) === "ENOENT") {
      return fs.existsSync(lock) && Date.now() - fs.statSync(lock).mtimeMs > OWNERLESS_LOCK_MS;
    }
    return errorCode(error) === "ESRCH";
  }
}

/** The `code` of a Node system error (checked structurally: such errors may come from another realm). */
function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}
