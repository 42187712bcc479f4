/**
 * Optional: the Node language host, so a plain `pulumi up` works in `examples/`. It is a separate Go module
 * without version tags, so the proxy is asked for the commit behind the CLI tag (a pseudo-version). Tried
 * once per cache; the outcome is recorded in `<root>/language-host.json` (delete it to try again). Never
 * fails the setup.
 */
import * as childProcess from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLI_MODULE, LDFLAGS, wrapperGoMod } from "./buildCli";
import { isExecutable } from "./executable";
import { EngineSetupError, goEnv, runGo } from "./go";
import type { Log } from "./log";
import { ENGINE_VERSION, type EnginePaths } from "./paths";

const LANGUAGE_HOST_MODULE = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";

/** What `<root>/language-host.json` records about the one attempt. */
interface LanguageHostStatus {
  built: boolean;
  /** `built`, or why not (the proxy's refusal when there was one). */
  summary: string;
  /** The failing command. */
  command?: string;
  /** The failing command's last output lines. */
  output?: string;
  /** The pseudo-version built. */
  version?: string;
}

/** The file recording whether the language host was built (its presence means it was tried). */
export function languageHostStatusFile(paths: EnginePaths): string {
  return path.join(paths.root, "language-host.json");
}

/** Builds the language host into `<root>/bin` unless already tried; logs the outcome either way. */
export async function tryLanguageHost(paths: EnginePaths, log: Log): Promise<void> {
  const statusFile = languageHostStatusFile(paths);
  const target = path.join(paths.binDir, "pulumi-language-nodejs");
  if (fs.existsSync(statusFile)) {
    const status = JSON.parse(fs.readFileSync(statusFile, "utf8")) as LanguageHostStatus;
    if (status.built && !isExecutable(target)) {
      fs.rmSync(statusFile);
    } else {
      log(`language host pulumi-language-nodejs: ${status.built ? "built" : `not available (${status.summary})`}`);
      return;
    }
  }
  let status: LanguageHostStatus;
  try {
    const commit = tagCommit();
    const moduleDir = path.join(paths.root, "language-host-module");
    fs.mkdirSync(moduleDir, { recursive: true });
    fs.writeFileSync(path.join(moduleDir, "go.mod"), wrapperGoMod());
    log(`trying the Node language host ${LANGUAGE_HOST_MODULE}@${commit} (optional)`);
    await runGo(["get", `${LANGUAGE_HOST_MODULE}@${commit}`], moduleDir, log);
    await runGo(["build", "-o", `${target}.partial`, "-ldflags", LDFLAGS, LANGUAGE_HOST_MODULE], moduleDir, log);
    fs.renameSync(`${target}.partial`, target);
    status = { built: true, summary: "built", version: commit };
  } catch (error) {
    const failure = error instanceof EngineSetupError ? error : undefined;
    status = {
      built: false,
      summary: failure?.refusals[0] ?? (error instanceof Error ? error.message : String(error)),
      command: failure?.command,
      output: failure?.outputTail.join("\n"),
    };
  }
  fs.writeFileSync(statusFile, `${JSON.stringify(status, null, 2)}\n`);
  log(`language host pulumi-language-nodejs: ${status.built ? "built" : `not available (${status.summary}); details in ${statusFile}`}`);
}

/** The git commit behind the CLI's release tag, as recorded by the module proxy. */
function tagCommit(): string {
  const out = childProcess.execFileSync("go", ["mod", "download", "-json", `${CLI_MODULE}@${ENGINE_VERSION}`], {
    encoding: "utf8",
    env: goEnv(),
  });
  const hash = (JSON.parse(out) as { Origin?: { Hash?: unknown } }).Origin?.Hash;
  if (typeof hash !== "string") {
    throw new Error(`the module proxy did not report the commit behind ${CLI_MODULE}@${ENGINE_VERSION}`);
  }
  return hash;
}
