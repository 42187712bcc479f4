#!/usr/bin/env node
/**
 * The `gemini-tuning-emulator` command:
 *
 *   gemini-tuning-emulator --port 8089 [--step-ms 200] [--state-file f] [--strict-auth] [--api-key K ...]
 *                          [--bearer-token T ...] [--host 127.0.0.1] [--base-models historical|none]
 *                          [--unknown-base-model-status 404|400] [--batch-size-threshold N]
 *                          [--principal email] [--gcs-bucket bucket=dir ...]
 *                          [--vertex-base-models m1,m2,prefix*] [--quiet]
 *
 * `--gcs-bucket` maps a Cloud Storage bucket to a local directory, so Vertex tuning jobs naming
 * `gs://bucket/object` read `dir/object` (counting examples and learning answers) instead of assuming data.
 *
 * Prints its URL on start, one line per API request (unless --quiet), and shuts down cleanly on SIGINT/SIGTERM.
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import { EmulatorOptions } from "./options";
import { EmulatorHandle, startEmulator } from "./start";

/** Parsed command line. */
export interface CliArgs {
  options: EmulatorOptions;
  help: boolean;
  quiet: boolean;
}

/** Where the CLI writes, and whether it installs signal handlers (tests run it in-process without them). */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  handleSignals: boolean;
}

/** Usage text. */
export const CLI_USAGE = `Usage: gemini-tuning-emulator [options]

  --port N                        port to listen on (default 8089; 0 picks a free port)
  --host H                        interface to bind (default 127.0.0.1)
  --step-ms N                     milliseconds per training step (default 200)
  --state-file F                  persist state to F (atomic writes); a restart resumes from it
  --strict-auth                   accept only --api-key keys, --bearer-token tokens and tokens from the
                                  emulator's token endpoint (/emulator/oauth2/token)
  --api-key K                     accepted API key (repeatable)
  --bearer-token T                accepted bearer token (repeatable)
  --base-models historical|none   tunable 2024 base models (default), or none (production today)
  --unknown-base-model-status N   404 (default) or 400 for a create naming an unknown base model
  --batch-size-threshold N        example count at which the default batch size becomes 16 (default 500)
  --principal EMAIL               identity of API-key callers (default emulator-user@example.com)
  --gcs-bucket BUCKET=DIR         serve Cloud Storage bucket BUCKET from local directory DIR: Vertex
                                  dataset gs://BUCKET/OBJECT is read from DIR/OBJECT (repeatable;
                                  datasets in other buckets are accepted unread)
  --vertex-base-models LIST       comma-separated base models Vertex tuning jobs may name; an entry
                                  ending in * is a prefix (default gemini-*)
  --quiet                         do not log requests
  --help                          show this help
`;

function integer(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`${flag} needs an integer (got "${value}").`);
  return n;
}

// Cloud Storage's bucket naming rule (the same the emulator's gs:// URI parser applies).
const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]$/;

/**
 * Parses `BUCKET=DIR` into `buckets`, resolving DIR against the working directory. The directory must exist
 * now: a typo would otherwise only show as every job in that bucket failing with "object does not exist".
 */
function addGcsBucket(buckets: Record<string, string>, value: string): void {
  const eq = value.indexOf("=");
  const bucket = eq > 0 ? value.slice(0, eq) : "";
  const dir = eq > 0 ? value.slice(eq + 1) : "";
  if (bucket === "" || dir === "") throw new Error(`--gcs-bucket needs BUCKET=DIR (got "${value}").`);
  if (!BUCKET_NAME.test(bucket)) {
    throw new Error(`--gcs-bucket: "${bucket}" is not a bucket name (3-222 lowercase letters, digits, ".", "-", "_").`);
  }
  if (bucket in buckets) throw new Error(`--gcs-bucket: bucket "${bucket}" is mapped twice.`);
  const absolute = path.resolve(dir);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`--gcs-bucket: ${absolute} (for bucket "${bucket}") does not exist or is not a directory.`);
  }
  buckets[bucket] = absolute;
}

/** Parses a comma-separated base-model list, refusing empty entries (a stray comma would accept nothing). */
function baseModelList(value: string): string[] {
  const models = value.split(",").map((model) => model.trim());
  if (models.some((model) => model === "")) {
    throw new Error(`--vertex-base-models needs a comma-separated list of model names or prefixes ending in * (got "${value}").`);
  }
  return models;
}

/** Parses argv (without `node` and the script). Throws an Error naming the bad flag. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options: EmulatorOptions = { port: 8089 };
  const args: CliArgs = { options, help: false, quiet: false };
  const apiKeys: string[] = [];
  const bearerTokens: string[] = [];
  const gcsBuckets: Record<string, string> = {};
  let vertexBaseModels: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith("--") ? raw.indexOf("=") : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new Error(`${flag} needs a value.`);
      i++;
      return next;
    };
    switch (flag) {
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "--quiet":
        args.quiet = true;
        break;
      case "--strict-auth":
        options.strictAuth = true;
        break;
      case "--port":
        options.port = integer(flag, value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--step-ms":
        options.stepMs = Number(value());
        if (!Number.isFinite(options.stepMs) || options.stepMs < 0) throw new Error("--step-ms needs a number >= 0.");
        break;
      case "--state-file":
        options.stateFile = value();
        break;
      case "--api-key":
        apiKeys.push(value());
        break;
      case "--bearer-token":
        bearerTokens.push(value());
        break;
      case "--base-models": {
        const mode = value();
        if (mode !== "historical" && mode !== "none") throw new Error('--base-models must be "historical" or "none".');
        options.baseModelsMode = mode;
        break;
      }
      case "--unknown-base-model-status": {
        const status = integer(flag, value());
        if (status !== 400 && status !== 404) throw new Error("--unknown-base-model-status must be 400 or 404.");
        options.unknownBaseModelStatus = status;
        break;
      }
      case "--batch-size-threshold":
        options.defaultBatchSizeThreshold = integer(flag, value());
        break;
      case "--principal":
        options.principal = value();
        break;
      case "--gcs-bucket":
        addGcsBucket(gcsBuckets, value());
        break;
      case "--vertex-base-models":
        vertexBaseModels = baseModelList(value());
        break;
      default:
        throw new Error(`Unknown option ${flag}. Run with --help for the list.`);
    }
  }
  if (apiKeys.length > 0) options.apiKeys = apiKeys;
  if (bearerTokens.length > 0) options.bearerTokens = bearerTokens;
  if (Object.keys(gcsBuckets).length > 0) options.vertex = { ...options.vertex, gcsBuckets };
  if (vertexBaseModels !== undefined) options.vertex = { ...options.vertex, baseModels: vertexBaseModels };
  return args;
}

const defaultIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  handleSignals: true,
};

/**
 * Runs the command: parses `argv`, starts the emulator and prints its URL. Resolves with the running handle
 * (undefined for --help). With `handleSignals`, SIGINT/SIGTERM close the emulator and let the process exit.
 */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<EmulatorHandle | undefined> {
  const args = parseCliArgs(argv);
  if (args.help) {
    io.out(CLI_USAGE);
    return undefined;
  }
  const handle = await startEmulator({ ...args.options, log: args.quiet ? undefined : io.out });
  io.out(`Gemini tuning emulator listening on ${handle.url}`);
  // Said once at start, so a user whose job "assumed" its data can see which buckets are really read.
  for (const [bucket, dir] of Object.entries(args.options.vertex?.gcsBuckets ?? {})) io.out(`Serving gs://${bucket}/ from ${dir}`);
  if (io.handleSignals) {
    const stop = (signal: NodeJS.Signals): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      io.out(`Received ${signal}, shutting down.`);
      handle.close().then(
        () => io.out("Emulator stopped."),
        (err: unknown) => {
          io.err(`Shutdown failed: ${(err as Error).message}`);
          process.exitCode = 1;
        },
      );
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  }
  return handle;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`gemini-tuning-emulator: ${(err as Error).message}\n`);
    process.exitCode = 1;
  });
}
