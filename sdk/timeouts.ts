/** Deadlines the provider enforces itself (the dynamic-provider host ignores `customTimeouts`). */
export interface TimeoutsArgs {
  /** How long `create` waits for training before recording the model as still training. Default `"2h"`. */
  create?: string;
  /** Default `"20m"`. */
  update?: string;
  /** Default `"20m"`. */
  delete?: string;
}
