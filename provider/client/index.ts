/** The HTTP layer for Google API calls. */
export { GoogleApiClient, DEFAULT_REQUEST_TIMEOUT_MS, defaultRetryMode, type GoogleApiClientOptions } from "./httpClient";
export type { ApiCall, HttpMethod } from "./apiCall";
export {
  ApiCallError,
  ApiCallAbortedError,
  ApiRedirectError,
  ApiResponseFormatError,
  ApiTransportError,
  GoogleApiError,
  isAbortError,
  isAlreadyExists,
  isNotFound,
  statusForHttp,
  type CallIdentity,
  type GoogleErrorFields,
} from "./apiErrors";
export { DEFAULT_RETRY_POLICY, backoffDelayMs, retryPolicy, type RetryMode, type RetryPolicy } from "./retryPolicy";
export { retryAfterMs } from "./retryDelayHint";
export { abortableSleep } from "../waiter/sleep";
