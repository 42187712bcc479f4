import { GoogleApiError } from "../../client/apiErrors";

/** Where the README tells how to tune on Vertex AI instead. */
const VERTEX_SECTION = "the README's `VertexTunedModel` section (README.md#vertextunedmodel)";

/**
 * A create the Gemini API refused because the base model cannot be tuned there: a 404 for a retired
 * tuning base (`gemini-1.5-flash-001-tuning` is gone) or a 400 naming `base_model` for a model that does
 * not list `createTunedModel`. Since May 2025 no Gemini API model is tunable (docs/gemini-api.md,
 * Base models and step accounting), so the error keeps Google's message and says what to do instead.
 * Returns undefined for any other error.
 */
export function retiredTuningError(error: unknown, baseModel: string | undefined): Error | undefined {
  // Only a create from a base model: a sourceModel that is missing is the user's model, not retired tuning.
  if (baseModel === undefined || !(error instanceof GoogleApiError)) return undefined;
  const aboutBaseModel =
    error.status === "NOT_FOUND" ||
    (error.status === "INVALID_ARGUMENT" && /createTunedModel|does not support tuning|base_model/i.test(`${error.googleMessage} ${JSON.stringify(error.details)}`));
  if (!aboutBaseModel) return undefined;
  return new Error(
    `${error.message}; the Gemini API no longer offers a base model to tune (Google retired tuning there in 2025): ` +
      `tune a current Gemini model (e.g. gemini-2.5-flash) on Vertex AI with VertexTunedModel instead, see ${VERTEX_SECTION}`,
  );
}
