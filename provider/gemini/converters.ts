import {
  MUTABLE_TUNED_MODEL_FIELDS,
  type CreateTunedModelBody,
  type MutableTunedModelField,
  type MutableTunedModelFields,
  type PermissionSpec,
} from "./wire";

/**
 * Field mapping between the request shapes of `wire.ts` and the Gemini API's JSON. Kept
 * apart from the calls themselves (as js-genai does with its converters) so each can be read alone.
 */

/** Drops undefined members so the JSON carries only what the caller set (proto3 treats absent as default). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The `TunedModel` JSON of a create request. Rejects the two oneofs being set twice. */
export function createTunedModelRequest(body: CreateTunedModelBody): Record<string, unknown> {
  if ((body.baseModel === undefined) === (body.tunedModelSource === undefined)) {
    throw new Error("a tuned model needs exactly one of baseModel and tunedModelSource");
  }
  const hp = body.tuningTask.hyperparameters;
  if (hp?.learningRate !== undefined && hp.learningRateMultiplier !== undefined) {
    throw new Error("learningRate and learningRateMultiplier exclude each other; set one");
  }
  return defined({
    displayName: body.displayName,
    description: body.description,
    baseModel: body.baseModel,
    tunedModelSource: body.tunedModelSource && { tunedModel: body.tunedModelSource.tunedModel },
    temperature: body.temperature,
    topP: body.topP,
    topK: body.topK,
    readerProjectNumbers: body.readerProjectNumbers?.map(String),
    tuningTask: defined({
      hyperparameters: hp && defined({ ...hp }),
      trainingData: {
        examples: {
          examples: body.tuningTask.trainingData.examples.examples.map((e) => ({ textInput: e.textInput, output: e.output })),
        },
      },
    }),
  });
}

/**
 * The body and `updateMask` query value of a PATCH. Only masked fields go into the body; a masked field
 * without a value is sent absent, which the service reads as "clear it".
 */
export function updateTunedModelRequest(
  fields: MutableTunedModelFields,
  updateMask: readonly string[],
): { body: Record<string, unknown>; updateMask: string } {
  if (updateMask.length === 0) throw new Error("an update needs at least one field in its updateMask");
  const unknown = updateMask.filter((path) => !MUTABLE_TUNED_MODEL_FIELDS.includes(path as MutableTunedModelField));
  if (unknown.length > 0) {
    throw new Error(`cannot update ${unknown.join(", ")} in place; updatable fields are ${MUTABLE_TUNED_MODEL_FIELDS.join(", ")}`);
  }
  const body: Record<string, unknown> = {};
  for (const path of updateMask as MutableTunedModelField[]) {
    const value = fields[path];
    if (value !== undefined) body[path] = path === "readerProjectNumbers" ? (value as string[]).map(String) : value;
  }
  return { body, updateMask: [...new Set(updateMask)].join(",") };
}

/** The `Permission` JSON of a create request. */
export function createPermissionRequest(permission: PermissionSpec): Record<string, unknown> {
  return defined({ granteeType: permission.granteeType, emailAddress: permission.emailAddress, role: permission.role });
}
