import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildLockPath, isStaleLock, OWNERLESS_LOCK_MS, STALE_LOCK_MS, withBuildLock } from "../../scripts/engine/buildLock";

/** A real process that stays alive until killed: a builder holding the lock. */
function liveProcess(): ChildProcess {
  return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
}

/** The pid of a real process that has already exited: an abandoned builder. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  if (child.pid === undefined) throw new Error("the short-lived process did not start");
  return child.pid;
}

/** Creates `<root>/build.lock` as another builder would, optionally with an owner and an age. */
function writeLock(root: string, owner: number | undefined, ageMs = 0): string {
  const lock = buildLockPath(root);
  fs.mkdirSync(lock, { recursive: true });
  if (owner !== undefined) fs.writeFileSync(path.join(lock, "owner"), `${owner}\n`);
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(lock, at, at);
  return lock;
}

describe("the engine build lock (real folders, real processes)", () => {
  let root: string;
  const children: ChildProcess[] = [];
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-build-lock-"));
  });
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });
  const live = () => {
    const child = liveProcess();
    children.push(child);
    if (child.pid === undefined) throw new Error("the long-lived process did not start");
    return child.pid;
  };

  describe("isStaleLock", () => {
    test("a fresh lock whose owner is alive is held", () => {
      expect(isStaleLock(writeLock(root, live()))).toBe(false);
    });

    test("a lock whose owner has exited is stale", async () => {
      expect(isStaleLock(writeLock(root, await deadPid()))).toBe(true);
    });

    test("a lock older than the limit is stale even with a live owner", () => {
      expect(isStaleLock(writeLock(root, live(), STALE_LOCK_MS + 60_000))).toBe(true);
      expect(isStaleLock(writeLock(root, live(), STALE_LOCK_MS - 60_000))).toBe(false);
    });

    test("a lock without an owner file is held while young (its owner is about to write it), stale once old", () => {
      expect(isStaleLock(writeLock(root, undefined))).toBe(false);
      expect(isStaleLock(writeLock(root, undefined, OWNERLESS_LOCK_MS + 5_000))).toBe(true);
    });
  });

  describe("withBuildLock", () => {
    test("with no lock, holds it (owner = this process) while the action runs and removes it after", async () => {
      const lines: string[] = [];
      let ownerDuringAction = "";
      await withBuildLock(root, (line) => lines.push(line), async () => {
        ownerDuringAction = fs.readFileSync(path.join(buildLockPath(root), "owner"), "utf8");
      });
      expect(ownerDuringAction).toBe(`${process.pid}\n`);
      expect(fs.existsSync(buildLockPath(root))).toBe(false);
      expect(lines).toEqual([]);
    });

    test("takes over the lock of a builder that has exited, without waiting", async () => {
      writeLock(root, await deadPid());
      const lines: string[] = [];
      let ran = false;
      await withBuildLock(root, (line) => lines.push(line), async () => {
        ran = true;
        expect(fs.readFileSync(path.join(buildLockPath(root), "owner"), "utf8")).toBe(`${process.pid}\n`);
      });
      expect(ran).toBe(true);
      // The only line: it never announced waiting.
      expect(lines).toEqual([`taking over an abandoned build lock at ${buildLockPath(root)}`]);
      expect(fs.existsSync(buildLockPath(root))).toBe(false);
    });

    test("takes over a lock past the age limit although its owner is alive", async () => {
      writeLock(root, live(), STALE_LOCK_MS + 60_000);
      const lines: string[] = [];
      let ran = false;
      await withBuildLock(root, (line) => lines.push(line), async () => {
        ran = true;
      });
      expect(ran).toBe(true);
      expect(lines).toEqual([`taking over an abandoned build lock at ${buildLockPath(root)}`]);
    });

    test("waits on a fresh lock of a live builder, and runs once that builder releases it", async () => {
      const lock = writeLock(root, live());
      const lines: string[] = [];
      let ranAt: number | undefined;
      const holding = withBuildLock(root, (line) => lines.push(line), async () => {
        ranAt = Date.now();
      });
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(ranAt).toBeUndefined();
      expect(lines).toEqual([`another process is building the engine (lock ${lock}); waiting for it`]);
      expect(fs.readFileSync(path.join(lock, "owner"), "utf8")).not.toBe(`${process.pid}\n`);

      const releasedAt = Date.now();
      fs.rmSync(lock, { recursive: true, force: true });
      await holding;
      expect(ranAt).toBeGreaterThanOrEqual(releasedAt);
      expect(lines).toHaveLength(1);
      expect(fs.existsSync(lock)).toBe(false);
    });
  });
});
