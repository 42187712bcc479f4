import type { ConnectionInputs } from "../config/connection";
import { tuningApiFor } from "./service";
import { timeoutMs } from "./timeouts";

/** Deletes the model; one that is already gone counts as deleted. */
export async function deleteTunedModel(id: string, props: Record<string, unknown>): Promise<void> {
  const signal = AbortSignal.timeout(timeoutMs(props, "delete"));
  const result = await tuningApiFor(props as ConnectionInputs).deleteTunedModel(id, signal);
  if (result === "absent") console.log(`${id}: already deleted`);
}
