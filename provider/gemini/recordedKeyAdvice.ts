import { GoogleApiError } from "../client/apiErrors";
import { geminiConfig } from "../runtime/stackConfig";

/**
 * What to do when the service refuses the key of `gemini:apiKey` during a call that refresh and destroy
 * make (read, delete). The engine records the stack configuration it configured the provider with in
 * the state (the default provider's inputs, the key encrypted), and `pulumi refresh` and `pulumi destroy`,
 * which do not run the program, configure the provider from that record, not from the configuration as
 * it is now: after a key rotation they send the revoked key. Running them with `--run-program` (or a
 * `pulumi up` first, which records the new configuration) makes the engine use the key configured now.
 */
export const ROTATED_KEY_ADVICE =
  "if you rotated gemini:apiKey: `pulumi refresh` and `pulumi destroy` configure the provider from the stack configuration " +
  "recorded at the last `pulumi up` and still send the old key; run `pulumi refresh --run-program` or `pulumi destroy --run-program` " +
  "to use the key configured now (or run `pulumi up` first, which records it)";

/**
 * Runs a read or delete call; a refusal of the stack-config key gets {@link ROTATED_KEY_ADVICE}. A key
 * from the environment (`GEMINI_API_KEY`) is read by the provider process itself on every command, so it
 * needs no such advice.
 */
export async function withRotatedKeyAdvice<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(keyRefused(error) && geminiConfig("apiKey") !== undefined)) throw error;
    throw new Error(`${(error as Error).message}; ${ROTATED_KEY_ADVICE}`, { cause: error });
  }
}

/** Whether the service refused the API key itself (not the caller's rights on a model). */
function keyRefused(error: unknown): boolean {
  return error instanceof GoogleApiError && (error.reason === "API_KEY_INVALID" || error.httpStatus === 401);
}
