/**
 * Emulators for the reliability tests: in-process (`startEmulator`), or the built CLI in a child process
 * that can be killed and restarted on the same port and state file, driven over its HTTP control API.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import type { EmulatorHandle } from "../../../emulator";
import { repoRoot } from "../../harness";
import type { ServiceModel, ServiceView } from "./models";

/** The service view of an in-process emulator. */
export function inProcessView(emulator: EmulatorHandle): ServiceView {
  return {
    models: async () => emulator.control.models() as ServiceModel[],
    jobsCreated: async () => emulator.control.jobsCreated(),
  };
}

const CLI = path.join(repoRoot, "dist", "emulator", "cli.js");

/** The emulator CLI running as a child process. */
export class EmulatorProcess implements ServiceView {
  /** Every line the CLI printed, across restarts. */
  readonly lines: string[] = [];
  private child: ChildProcess | undefined;
  private portInUse = 0;
  private waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];

  private constructor(private readonly args: readonly string[]) {}

  /** Starts `node dist/emulator/cli.js --port 0 ...args` and waits for its URL. */
  static async start(args: readonly string[]): Promise<EmulatorProcess> {
    const emulator = new EmulatorProcess(args);
    await emulator.launch(0);
    return emulator;
  }

  /** `http://127.0.0.1:<port>`; stays the same across restarts. */
  get url(): string {
    return `http://127.0.0.1:${this.portInUse}`;
  }

  private launch(port: number): Promise<void> {
    const child = spawn(process.execPath, [CLI, "--port", String(port), ...this.args], { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    return new Promise((resolve, reject) => {
      let buffered = "";
      const timer = setTimeout(() => reject(new Error(`the emulator did not start within 15 s: ${this.lines.join("\n")}`)), 15_000);
      const onData = (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split("\n");
        buffered = parts.pop() ?? "";
        for (const line of parts) {
          this.lines.push(line);
          this.waiters = this.waiters.filter((waiter) => {
            if (!waiter.pattern.test(line)) return true;
            waiter.resolve(line);
            return false;
          });
          const listening = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
          if (listening) {
            this.portInUse = Number(listening[1]);
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the emulator exited (${code ?? signal}) before listening: ${this.lines.join("\n")}`));
      });
    });
  }

  /** Resolves with the next line the CLI prints that matches `pattern` (rejects after `timeoutMs`). */
  nextLine(pattern: RegExp, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`the emulator printed no line matching ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        pattern,
        resolve: (line: string) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Kills the process at once (SIGKILL: no chance to flush anything) and waits until it is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await exited;
  }

  /** Starts it again on the same port (and, through the same arguments, the same state file). */
  async restart(): Promise<void> {
    await this.launch(this.portInUse);
  }

  /** Stops it (SIGTERM, clean shutdown). */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** A call to the control API. */
  async control<T>(method: "GET" | "POST" | "DELETE", route: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}/emulator/${route}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`control ${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async models(): Promise<ServiceModel[]> {
    return (await this.control<{ models: ServiceModel[] }>("GET", "models")).models;
  }

  async jobsCreated(): Promise<number> {
    return (await this.control<{ jobsCreated: number }>("GET", "jobs")).jobsCreated;
  }
}
