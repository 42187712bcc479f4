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

/** `GenerateContentResponse` (reference §5.10), tolerant of the many fields newer servers add. */
export const GenerateContentResponseSchema = z.looseObject({
  candidates: z.array(CandidateSchema).optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional() }).optional(),
  modelVersion: z.string().optional(),
});

/** A generateContent answer. */
export type GenerateContentResponse = z.infer<typeof GenerateContentResponseSchema>;
