import type { ConnectionInputs } from "../gemini/connection";
import { geminiApiFor } from "../gemini/clientFor";
import { operationDeadline } from "../lifecycle/timeouts";

/** Deletes the model; one that is already gone counts as deleted. */
export async function deleteTunedModel(id: string, props: Record<string, unknown>): Promise<void> {
  const { signal } = operationDeadline(props, "delete");
  const result = await geminiApiFor(props as ConnectionInputs).deleteTunedModel(id, signal);
  if (result === "absent") console.log(`${id}: already deleted`);
}
