import { z } from "zod";
import { float, int32 } from "./protoJson";

/** One `Part` of a `Content`; only text matters for tuned models, other kinds are passed through. */
export const PartSchema = z.looseObject({ text: z.string().optional() });

/** `Content`: a role and its parts. */
export const ContentSchema = z.looseObject({
  role: z.string().optional(),
  parts: z.array(PartSchema).optional(),
});

/** `Candidate`: one generated answer. */
export const CandidateSchema = z.looseObject({
  content: ContentSchema.optional(),
  finishReason: z.string().optional(),
  index: int32.optional(),
  avgLogprobs: float.optional(),
});

/** `GenerateContentResponse` (docs/gemini-api.md#generatecontent), tolerant of the many fields newer servers add. */
export const GenerateContentResponseSchema = z.looseObject({
  candidates: z.array(CandidateSchema).optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional() }).optional(),
  modelVersion: z.string().optional(),
});

/** A generateContent answer. */
export type GenerateContentResponse = z.infer<typeof GenerateContentResponseSchema>;

/** Sampling settings of a request (`GenerationConfig`); unset members take the model's defaults. */
export interface GenerationConfig {
  temperature?: number;
  topP?: number;
  topK?: number;
  maxOutputTokens?: number;
}

/** A minimal `GenerateContentRequest`: one user turn of text, and sampling settings when given. */
export function generateContentRequest(text: string, generationConfig?: GenerationConfig): Record<string, unknown> {
  return { contents: [{ role: "user", parts: [{ text }] }], ...(generationConfig === undefined ? {} : { generationConfig }) };
}

/**
 * The text of the first candidate (its text parts joined). A response without candidates was blocked:
 * the error says why when the service said so.
 */
export function firstCandidateText(response: GenerateContentResponse, model: string): string {
  const candidate = response.candidates?.[0];
  if (candidate === undefined) {
    const reason = response.promptFeedback?.blockReason;
    throw new Error(`${model} returned no candidate${reason ? ` (prompt blocked: ${reason})` : ""}`);
  }
  return (candidate.content?.parts ?? []).map((part) => part.text ?? "").join("");
}
