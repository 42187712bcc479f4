/**
 * Running the Go toolchain for the engine build: one environment for every go command, a heartbeat so a
 * long compile never looks hung, and failures that say which modules the module proxy refused.
 */
import * as childProcess from "node:child_process";
import { formatDuration } from "./formatDuration";
import type { Log } from "./log";

const HEARTBEAT_MS = 15_000;
/** Keeps the build independent of any surrounding go.work, vendor folder, VCS checkout or user GOFLAGS. */
const GO_SETTINGS = { GOWORK: "off", GOFLAGS: "-mod=mod -buildvcs=false" };
const GO_ENV_SHOWN = Object.entries(GO_SETTINGS)
  .map(([name, value]) => `${name}=${shellQuote(value)}`)
  .join(" ");

/** What a human needs to rerun or report a failed setup step. */
export interface EngineSetupDetails {
  /** The command as it can be pasted into a shell. */
  command: string;
  cwd?: string;
  /** The last non-empty lines the command printed. */
  outputTail?: string[];
  /** One sentence per module or package the module proxy refused (see {@link proxyRefusals}). */
  refusals?: string[];
}

/** A failed setup step, with what a human needs to rerun or report it. */
export class EngineSetupError extends Error {
  /** The failing command, ready to paste into a shell. */
  readonly command: string;
  /** The folder it ran in, when not the current one. */
  readonly cwd: string | undefined;
  /** The last non-empty lines it printed. */
  readonly outputTail: string[];
  /** The modules or packages the module proxy refused. */
  readonly refusals: string[];

  constructor(message: string, details: EngineSetupDetails) {
    super(message);
    this.name = "EngineSetupError";
    this.command = details.command;
    this.cwd = details.cwd;
    this.outputTail = details.outputTail ?? [];
    this.refusals = details.refusals ?? [];
  }
}

/** The environment of every go command: this process's, plus settings that isolate the build. */
export function goEnv(): NodeJS.ProcessEnv {
  return { ...process.env, ...GO_SETTINGS };
}

/** Returns `go version`'s output; throws an {@link EngineSetupError} when Go is not on PATH. */
export function requireGo(): string {
  try {
    return childProcess.execFileSync("go", ["version"], { encoding: "utf8", env: goEnv() }).trim();
  } catch (error) {
    throw new EngineSetupError(
      `the Go toolchain (1.25 or newer) is needed to build the Pulumi engine and was not found on PATH (${error instanceof Error ? error.message : String(error)})`,
      { command: "go version" },
    );
  }
}

/**
 * Runs one go command, streaming its own lines and a heartbeat so a long compile never looks hung.
 * `go build -v` names every package it compiles; they are counted instead of printing ~2000 lines.
 * Rejects with an {@link EngineSetupError} carrying the output's tail and the proxy's refusals.
 */
export function runGo(args: readonly string[], cwd: string, log: Log): Promise<void> {
  const command = `cd ${cwd} && ${GO_ENV_SHOWN} go ${args.map(shellQuote).join(" ")}`;
  const started = Date.now();
  const lines: string[] = [];
  let compiled = 0;
  let lastPackage = "";
  log(`$ ${command}`);
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn("go", args, { cwd, env: goEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const heartbeat = setInterval(() => {
      const progress = compiled > 0 ? `, ${compiled} packages compiled (last: ${lastPackage})` : "";
      log(`go ${args[0]}: still running after ${formatDuration(Date.now() - started)}${progress}`);
    }, HEARTBEAT_MS);
    const onLine = (line: string): void => {
      lines.push(line);
      if (args[0] === "build" && /^[\w.~-]+(\/[\w.~+-]+)*$/.test(line)) {
        compiled += 1;
        lastPackage = line;
      } else if (line.trim() !== "") {
        log(`  ${line}`);
      }
    };
    splitLines(child.stdout, onLine);
    splitLines(child.stderr, onLine);
    child.on("error", (error) => {
      clearInterval(heartbeat);
      reject(new EngineSetupError(`could not start go: ${error.message}`, { command, cwd }));
    });
    child.on("close", (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) {
        log(`go ${args[0]} finished in ${formatDuration(Date.now() - started)}`);
        resolve();
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(
        new EngineSetupError(`go ${args[0]} ${how}`, {
          command,
          cwd,
          outputTail: lines.filter((l) => l.trim() !== "").slice(-40),
          refusals: proxyRefusals(lines),
        }),
      );
    });
  });
}

/**
 * Pulls out of go's output the modules or packages it could not get, e.g.
 * `go: example.com/m@v1.2.3: reading https://goproxy.example/example.com/m/@v/v1.2.3.info: 403 Forbidden`,
 * with the proxy's `server response:` line when go printed one under it. Returns one readable sentence
 * per refused module or package, without repeats.
 */
export function proxyRefusals(lines: readonly string[]): string[] {
  const found: string[] = [];
  lines.forEach((line, index) => {
    const next = lines[index + 1]?.trim() ?? "";
    const detail = next.startsWith("server response:") ? ` (${next})` : "";
    const reading = /reading (https?:\/\/\S+?)\/@(?:v\/(.+?)\.(?:info|mod|zip)|v\/list|latest): (.+)$/.exec(line);
    if (reading) {
      // The module as the line names it (`go: m@v:`, `module m:`, or under a `requires` line), else from the URL.
      const named = /^\s*(?:go: )?(?:module )?(?!go:)([^\s@:]+)(?:@([^\s:]+))?:/.exec(line);
      const modulePath = unescapeModulePath(named?.[1] ?? reading[1].replace(/^https?:\/\/[^/]+\//, ""));
      const version = named?.[2] ?? reading[2];
      found.push(`module ${modulePath}${version ? `@${version}` : ""}: ${reading[3]}${detail}`);
      return;
    }
    const verifying = /verifying ([^\s@]+)@(\S+?): (.+)$/.exec(line);
    if (verifying) {
      found.push(`module ${verifying[1]}@${verifying[2]}: ${verifying[3]}`);
      return;
    }
    const noPackage = /(?:no required module provides package|cannot find module providing package) (\S+?);?(?:\s|$)/.exec(line);
    if (noPackage) {
      found.push(`package ${noPackage[1]}: no module provides it`);
    }
  });
  return [...new Set(found)];
}

/** Undoes the proxy's escaping of capitals (`!x` for `X`); `!` never occurs in a real module path. */
function unescapeModulePath(escaped: string): string {
  return escaped.replace(/!([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Calls `onLine` for every complete line of a stream (and the unterminated tail at its end). */
function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const parts = (pending + chunk).split(/\r?\n/);
    pending = parts.pop() ?? "";
    parts.forEach(onLine);
  });
  stream.on("end", () => {
    if (pending !== "") {
      onLine(pending);
    }
  });
}

/** `arg` as one word for a POSIX shell (quoted only when it needs to be). */
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
