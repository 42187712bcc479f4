/**
 * The project-local Python virtual environment in which the Python client tests run Google's clients.
 *
 * It lives in `.venv-clients/<hash>/` at the repository root (gitignored), where `<hash>` is taken from
 * `requirements.txt` beside this file, so changing a pin builds a fresh environment. pip's own cache (outside the
 * repository) makes a rebuild cheap once the wheels have been downloaded. Jest runs test files in several
 * worker processes; a lock directory makes the first caller build while the others wait for it.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The repository root (this file is `test/emulator/clients/python/ensurePythonVenv.ts`). */
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");

/** The pinned requirements the environment is built from. */
export const REQUIREMENTS_FILE = path.join(__dirname, "requirements.txt");

/** Where the environments live (one folder per requirements hash). */
export const VENV_ROOT = path.join(REPO_ROOT, ".venv-clients");

/** The oldest Python the pinned clients support. */
const MIN_PYTHON: [number, number] = [3, 9];

/** How long a caller waits for another process that is building the environment. */
const LOCK_WAIT_MS = 15 * 60 * 1000;

/** Written last into a finished environment; an environment without it is a partial build. */
const READY_MARKER = ".ready";

const SETUP_HINT =
  "Install Python 3.9 or newer with its venv module (Debian/Ubuntu: `apt-get install python3 python3-venv`; " +
  "macOS: `brew install python`), or set PYTHON to the path of a Python 3.9+ interpreter.";

/** The interpreter used to create the environment: `$PYTHON`, else `python3` (`python` on Windows). */
function basePython(): string {
  return process.env.PYTHON || (process.platform === "win32" ? "python" : "python3");
}

function venvPython(dir: string): string {
  return process.platform === "win32" ? path.join(dir, "Scripts", "python.exe") : path.join(dir, "bin", "python");
}

function requirementsHash(): string {
  return createHash("sha256").update(readFileSync(REQUIREMENTS_FILE)).digest("hex").slice(0, 16);
}

/** Output of a failed child process, for error messages. */
function outputOf(error: unknown): string {
  const e = error as { stderr?: string; stdout?: string; message?: string };
  return (e.stderr || e.stdout || e.message || String(error)).trim();
}

/** Checks that the base interpreter exists and is new enough; throws with setup instructions if not. */
async function checkBasePython(python: string): Promise<void> {
  let version: string;
  try {
    ({ stdout: version } = await run(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]));
  } catch (error) {
    throw new Error(`The Python client tests need Python, but \`${python}\` could not be run (${outputOf(error)}). ${SETUP_HINT}`);
  }
  const [major, minor] = version.trim().split(".").map(Number);
  if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
    throw new Error(`The Python client tests need Python ${MIN_PYTHON.join(".")}+, but \`${python}\` is ${version.trim()}. ${SETUP_HINT}`);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the build lock (`<dir>.lock`, created atomically by mkdir, holding the owner's pid). A lock whose owner
 * has died is removed. Returns false if the environment became ready while waiting.
 */
async function acquireLock(lockDir: string, isReady: () => boolean): Promise<boolean> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    if (isReady()) return false;
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, "pid"), String(process.pid));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(path.join(lockDir, "pid"), "utf8"));
    } catch {
      // The owner has created the directory but not yet written its pid.
    }
    if (Number.isInteger(owner) && owner > 0 && !pidAlive(owner)) {
      rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for another process to build the Python environment (lock ${lockDir}). Remove the lock if no test run is active.`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Removes environments built from older requirements (not ones another process is building). */
function removeStaleEnvironments(keep: string): void {
  for (const entry of readdirSync(VENV_ROOT)) {
    if (entry === keep || entry.endsWith(".lock") || existsSync(path.join(VENV_ROOT, `${entry}.lock`))) continue;
    rmSync(path.join(VENV_ROOT, entry), { recursive: true, force: true });
  }
}

async function build(dir: string, python: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  try {
    await run(python, ["-m", "venv", dir]);
  } catch (error) {
    throw new Error(`\`${python} -m venv\` failed, so the Python client tests cannot create their environment (${outputOf(error)}). ${SETUP_HINT}`);
  }
  const pip = [
    "-m", "pip", "install", "--disable-pip-version-check", "--no-input", "--quiet",
    "--requirement", REQUIREMENTS_FILE,
  ];
  try {
    await run(venvPython(dir), pip, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(
      `pip could not install ${path.relative(REPO_ROOT, REQUIREMENTS_FILE)} into ${dir}: ${outputOf(error)}\n` +
        "The Python client tests need pip and access to the Python package index (or a configured mirror: " +
        "PIP_INDEX_URL). If pip is missing, install it (Debian/Ubuntu: `apt-get install python3-pip python3-venv`).",
    );
  }
  writeFileSync(path.join(dir, READY_MARKER), `${new Date().toISOString()}\n`);
}

/**
 * Returns the path of the environment's Python interpreter, building the environment first if the current
 * `requirements.txt` has none yet. Safe to call from several processes at once. Throws, saying how to set
 * Python up, when no usable Python 3.9+ with venv and pip is available. A cold build takes about a minute;
 * call it from `beforeAll` with a matching timeout.
 */
export async function ensurePythonVenv(): Promise<string> {
  const name = requirementsHash();
  const dir = path.join(VENV_ROOT, name);
  const isReady = () => existsSync(path.join(dir, READY_MARKER));
  if (isReady()) return venvPython(dir);
  const python = basePython();
  await checkBasePython(python);
  mkdirSync(VENV_ROOT, { recursive: true });
  const lockDir = `${dir}.lock`;
  if (!(await acquireLock(lockDir, isReady))) return venvPython(dir);
  try {
    if (!isReady()) {
      removeStaleEnvironments(name);
      await build(dir, python);
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
  return venvPython(dir);
}
