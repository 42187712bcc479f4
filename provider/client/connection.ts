/** The Gemini API's public endpoint. */
export const GOOGLE_GEMINI_BASE_URL = "https://generativelanguage.googleapis.com";

/**
 * Where and as whom to call the service. Plain data resolved from resource inputs, stack config and the
 * environment; the client copies what it needs and never keeps this object (it may hold the API key).
 */
export interface Connection {
  /** Service root without a trailing slash, e.g. {@link GOOGLE_GEMINI_BASE_URL} or an emulator URL. */
  baseUrl: string;
  /** API key sent as `x-goog-api-key`. Without one, Application Default Credentials are used. */
  apiKey?: string;
  /** Quota/billing project sent as `x-goog-user-project` (needed with end-user ADC credentials). */
  project?: string;
}
