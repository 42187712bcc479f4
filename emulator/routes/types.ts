/**
 * What a route handler receives and returns. A route belongs to one half of the emulator (Gemini API or
 * Vertex AI) and sees only that half's state, as `call.half`; the core binds each half's routes to it.
 */
import { Caller } from "../auth";
import { EnumFields } from "../json/enums";

/**
 * The first path segment a route is bound under: an API version (`v1beta` and `v1` for the Gemini API, `v1` and
 * `v1beta1` for Vertex AI), or `ui`, the prefix of aiplatform's first GetOperation binding.
 */
export type ApiVersion = "v1beta" | "v1" | "v1beta1" | "ui";

/** The parts of one API call that do not depend on the half answering it. */
export interface RequestParts {
  /** Captured path segments of the route pattern (decoded). */
  params: string[];
  query: URLSearchParams;
  caller: Caller;
  version: ApiVersion;
  /** The body parsed leniently with keys normalised to camelCase; `{}` when empty. Throws a 400 otherwise. */
  body(): unknown;
}

/** One API call, as a handler of half `H` sees it. */
export interface ApiCall<H> extends RequestParts {
  /** The state and settings of the half that serves the route. */
  half: H;
}

/**
 * A JSON answer; a server stream over REST (`jsonStream`: one JSON array, see the server); or raw text
 * (server-sent events).
 */
export type HandlerResult =
  | { status?: number; json: unknown }
  | { status?: number; jsonStream: readonly unknown[] }
  | { status?: number; contentType: string; text: string };

/** What the router and the auth check read about a route. */
export interface RouteBinding {
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
}

/** A route of one half's API. */
export interface Route<H> extends RouteBinding {
  handler: (call: ApiCall<H>) => HandlerResult;
}

/** A route with its half bound: what the server dispatches to. */
export interface ServedRoute extends RouteBinding {
  handler: (call: RequestParts) => HandlerResult;
  /** The half's enum fields, encoded as numbers when the request asks for it (see `json/enums.ts`). */
  enumFields: EnumFields;
}

/** Binds a half's routes to that half and to the half's table of enum fields. */
export function bindRoutes<H>(routes: readonly Route<H>[], half: H, enumFields: EnumFields): ServedRoute[] {
  return routes.map((route) => ({
    ...route,
    handler: (call: RequestParts) => route.handler({ ...call, half }),
    enumFields,
  }));
}
