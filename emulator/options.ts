/**
 * Options of `startEmulator()` and their defaults.
 */
import { BaseModelsMode } from "./gemini/baseModels";
import { DEFAULT_SIZE_THRESHOLD } from "./gemini/training";
import { ResolvedVertexOptions, resolveVertexOptions, VertexOptions } from "./vertex/options";

/** How the emulator is configured. Every field is optional. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default in-process) picks a free one. The CLI defaults to 8089. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Wall-clock milliseconds per training step; default 200. 0 completes jobs at once. */
  stepMs?: number;
  /** State file; every change is written to it atomically and a restart resumes from it. */
  stateFile?: string;
  /** Accept only the configured API keys and bearer tokens (default false: anything goes). */
  strictAuth?: boolean;
  /** API keys accepted in strict mode. */
  apiKeys?: string[];
  /** Bearer tokens accepted in strict mode in addition to those the token endpoint issued (all scopes). */
  bearerTokens?: string[];
  /** "historical" (default): the two tunable bases of 2024; "none": production today, nothing is tunable. */
  baseModelsMode?: BaseModelsMode;
  /** Status for a create naming a base model that does not exist: 404 NOT_FOUND (default) or 400. */
  unknownBaseModelStatus?: 400 | 404;
  /** Example count at which the default batch size switches from 4 to 16 (and learning rate 0.001 -> 0.0002). */
  defaultBatchSizeThreshold?: number;
  /** Lifetime of tokens issued by the token endpoint, in seconds (default 3600). */
  tokenLifetimeSeconds?: number;
  /**
   * Identity of callers that carry an API key, a configured bearer token, or nothing (default
   * `emulator-user@example.com`). Callers with a token from the token endpoint are the account named in it.
   */
  principal?: string;
  /** Receives one line per API request; lines never contain keys, tokens or bodies. */
  log?: (line: string) => void;
  /** The Vertex AI (`aiplatform` v1 and v1beta1) routes: dataset buckets, accepted base models, placeholder answers. */
  vertex?: VertexOptions;
}

/** Options with defaults applied. */
export interface ResolvedOptions {
  port: number;
  host: string;
  stepMs: number;
  stateFile: string | undefined;
  strictAuth: boolean;
  apiKeys: ReadonlySet<string>;
  bearerTokens: ReadonlySet<string>;
  baseModelsMode: BaseModelsMode;
  unknownBaseModelStatus: 400 | 404;
  defaultBatchSizeThreshold: number;
  tokenLifetimeSeconds: number;
  principal: string;
  log: ((line: string) => void) | undefined;
  vertex: ResolvedVertexOptions;
}

/** The default principal's e-mail. */
export const DEFAULT_PRINCIPAL = "emulator-user@example.com";

/** Applies defaults and rejects impossible values early, with a message that names the option. */
export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  const stepMs = options.stepMs ?? 200;
  if (!Number.isFinite(stepMs) || stepMs < 0) throw new RangeError(`stepMs must be a number >= 0 (got ${stepMs}).`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be 0..65535 (got ${port}).`);
  const threshold = options.defaultBatchSizeThreshold ?? DEFAULT_SIZE_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`defaultBatchSizeThreshold must be a positive integer (got ${threshold}).`);
  }
  const status = options.unknownBaseModelStatus ?? 404;
  if (status !== 400 && status !== 404) throw new RangeError(`unknownBaseModelStatus must be 400 or 404.`);
  const mode = options.baseModelsMode ?? "historical";
  if (mode !== "historical" && mode !== "none") throw new RangeError(`baseModelsMode must be "historical" or "none".`);
  return {
    port,
    host: options.host ?? "127.0.0.1",
    stepMs,
    stateFile: options.stateFile,
    strictAuth: options.strictAuth ?? false,
    apiKeys: new Set(options.apiKeys ?? []),
    bearerTokens: new Set(options.bearerTokens ?? []),
    baseModelsMode: mode,
    unknownBaseModelStatus: status,
    defaultBatchSizeThreshold: threshold,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
    principal: options.principal ?? DEFAULT_PRINCIPAL,
    log: options.log,
    vertex: resolveVertexOptions(options.vertex),
  };
}
