/**
 * OAuth scopes requested through ADC: `generative-language.tuning` is what the tuning methods check;
 * `cloud-platform` is what Google's tuning tutorials add and what service accounts and workload identity
 * federation usually carry.
 */
export const GEMINI_TUNING_SCOPES: readonly string[] = Object.freeze([
  "https://www.googleapis.com/auth/cloud-platform",
  "https://www.googleapis.com/auth/generative-language.tuning",
]);
