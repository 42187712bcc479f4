import { scanDatasetFile, type TuningExample } from "../dataset";
import { MUTABLE_FIELDS, type CheckedTunedModelInputs, type MutableField } from "./tunedModel/inputs";
import type { CreateTunedModelBody, MutableTunedModelFields, PermissionSpec } from "./wire";

/**
 * Field mapping between the `TunedModel` resource and the Gemini API's JSON, in both directions' request
 * half (the answers are parsed by `wire.ts` and recorded by `tunedModel/state.ts`). Kept apart from the
 * calls themselves (as js-genai does with its converters) so each can be read alone.
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
  const unknown = updateMask.filter((path) => !MUTABLE_FIELDS.includes(path as MutableField));
  if (unknown.length > 0) {
    throw new Error(`cannot update ${unknown.join(", ")} in place; updatable fields are ${MUTABLE_FIELDS.join(", ")}`);
  }
  const body: Record<string, unknown> = {};
  for (const path of updateMask as MutableField[]) {
    const value = fields[path];
    if (value !== undefined) body[path] = path === "readerProjectNumbers" ? (value as string[]).map(String) : value;
  }
  return { body, updateMask: [...new Set(updateMask)].join(",") };
}

/** The `Permission` JSON of a create request. */
export function createPermissionRequest(permission: PermissionSpec): Record<string, unknown> {
  return defined({ granteeType: permission.granteeType, emailAddress: permission.emailAddress, role: permission.role });
}

/**
 * The CreateTunedModel request for the inputs. A file dataset is read again here (its examples are not in
 * state) and must still have the fingerprint the preview showed: training on data nobody reviewed is
 * refused.
 */
export async function createTunedModelBody(inputs: CheckedTunedModelInputs): Promise<CreateTunedModelBody> {
  const examples = await trainingExamples(inputs);
  return {
    displayName: inputs.displayName,
    description: inputs.description,
    ...(inputs.sourceModel !== undefined ? { tunedModelSource: { tunedModel: inputs.sourceModel } } : { baseModel: inputs.baseModel }),
    temperature: inputs.temperature,
    topP: inputs.topP,
    topK: inputs.topK,
    readerProjectNumbers: inputs.readerProjectNumbers,
    tuningTask: {
      hyperparameters: inputs.hyperparameters,
      trainingData: { examples: { examples } },
    },
  };
}

async function trainingExamples(inputs: CheckedTunedModelInputs): Promise<TuningExample[]> {
  const dataset = inputs.trainingData;
  if (dataset === undefined) throw new Error("trainingData is required to create a tuned model");
  if (dataset.kind === "inline") return dataset.examples;
  const scanned = await scanDatasetFile(dataset, { collect: true });
  if (scanned.fingerprint !== dataset.fingerprint) {
    throw new Error(
      `dataset file ${dataset.path} changed since the program read it (fingerprint ${dataset.fingerprint} -> ${scanned.fingerprint}); ` +
        "run `pulumi preview` again to review the new data, then `pulumi up`",
    );
  }
  return scanned.examples ?? [];
}
