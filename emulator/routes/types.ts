/**
 * What a route handler receives and returns.
 */
import { Caller } from "../auth";
import { EmulatorCore } from "../core";

/** API versions the emulator serves. */
export type ApiVersion = "v1beta" | "v1";

/** One API call, as a handler sees it. */
export interface ApiCall {
  core: EmulatorCore;
  /** Captured path segments of the route pattern (decoded). */
  params: string[];
  query: URLSearchParams;
  caller: Caller;
  version: ApiVersion;
  /** The body parsed leniently with keys normalised to camelCase; `{}` when empty. Throws a 400 otherwise. */
  body(): unknown;
}

/** A JSON answer, or raw text (server-sent events). */
export type HandlerResult =
  | { status?: number; json: unknown }
  | { status?: number; contentType: string; text: string };

/** A route of the API. */
export interface Route {
  /** Name used in recorded requests and counters, e.g. `tunedModels.create`. */
  name: string;
  /** Full RPC name, reported in auth ErrorInfo metadata. */
  rpc: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Versions the route is bound under. */
  versions: readonly ApiVersion[];
  /** Matched against the path after `/{version}/`, percent-decoded. */
  pattern: RegExp;
  /** OAuth scope suffixes, any one of which a restricted token needs; undefined means no scope check. */
  scopes?: readonly string[];
  /** Service named in auth ErrorInfo metadata (default `generativelanguage.googleapis.com`). */
  service?: string;
  /** Refuse API keys in strict auth (Vertex AI accepts OAuth only). */
  rejectsApiKeys?: boolean;
  handler: (call: ApiCall) => HandlerResult;
}
