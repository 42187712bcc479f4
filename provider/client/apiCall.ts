import type { z } from "zod";
import type { RetryMode } from "./retryPolicy";

/** HTTP methods the Gemini API uses. */
export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** One API call as the service layer describes it to {@link GoogleApiClient}. */
export interface ApiCall<T> {
  /** HTTP method. */
  httpMethod: HttpMethod;
  /** Path below the base URL, without a leading slash, e.g. `v1beta/tunedModels/x`. */
  path: string;
  /** Query parameters; undefined values are left out. */
  query?: Record<string, string | undefined>;
  /** JSON body. */
  body?: unknown;
  /** Schema of a successful response; it should tolerate unknown fields. */
  schema: z.ZodType<T>;
  /** API method name for errors, e.g. `tunedModels.create` (not a long-running operation). */
  method: string;
  /** Resource name for errors, e.g. `tunedModels/x`. */
  resource: string;
  /** Aborts the call, retries and waits included. */
  signal?: AbortSignal;
  /**
   * Which failures to retry (see {@link RetryMode}). Default `"safe"` for GET, PATCH and DELETE, and
   * `"unprocessed"` for POST, since a POST that reached the server may have acted.
   */
  retry?: RetryMode;
}
