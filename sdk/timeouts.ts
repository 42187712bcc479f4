/**
 * Deadlines the provider enforces itself (the dynamic-provider host ignores `customTimeouts`): durations
 * such as `"2h"`, `"30m"` or `"90s"`, at most `"8760h"` (365 days).
 */
export interface TimeoutsArgs {
  /** How long `create` waits for training before recording the model as still training. Default `"2h"`. */
  create?: string;
  /** Default `"20m"`. */
  update?: string;
  /** Default `"20m"`. */
  delete?: string;
}
