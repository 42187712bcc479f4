import { geminiApiFor } from "./clientFor";
import { serviceRootProblem } from "../lifecycle/serviceRoot";
import { resolveConnection, type ConnectionInputs } from "./connection";
import { withoutMarker } from "./tunedModel/creationMarker";
import type { TunedModel } from "./wire";

/**
 * Reads a tuned model that the stack does not manage (a lookup). Fails with a clear message when it does
 * not exist, since a lookup of a missing model is almost always a typo in a program.
 */
export async function getTunedModel(name: string, connection: ConnectionInputs): Promise<TunedModel> {
  const fullName = name.startsWith("tunedModels/") ? name : `tunedModels/${name}`;
  const problem = serviceRootProblem(resolveConnection(connection).baseUrl);
  if (problem !== undefined) throw new Error(`getTunedModel(${fullName}): the service root (baseUrl, gemini:baseUrl or GEMINI_BASE_URL) ${problem}`);
  const model = await geminiApiFor(connection).getTunedModel(fullName);
  if (model === undefined) throw new Error(`tuned model ${fullName} was not found (tunedModels.get answered 404 NOT_FOUND)`);
  // A model with a chosen id carries its creation marker while it trains; it is no part of its description.
  return { ...model, description: withoutMarker(model.description) };
}
