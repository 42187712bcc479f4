/**
 * The GenerateContentResponse the Gemini half answers with (docs/gemini-api.md#generatecontent), and how a
 * stream carries it. The text is a stand-in chosen by the route; here it is cut to `maxOutputTokens` (4
 * characters per token, then `finishReason: MAX_TOKENS`), rated NEGLIGIBLE in every harm category and
 * counted at 4 characters per token.
 *
 * A stream splits the answer into one message per word (with its trailing whitespace), so clients see
 * several messages as they do from the service: every message carries its piece of the text, the first also
 * the prompt feedback, the last also the finish reason and the usage metadata. Joined, the pieces are the
 * unary answer.
 */
import { estimateTokens } from "../jobs/answer";

/** What a base model answers: the emulator runs no model, so every prompt gets this text. */
export const BASE_MODEL_ANSWER = "This is the emulated base model's answer.";

/** The generation settings the emulator reads. */
export interface GenerationConfig {
  responseMimeType?: unknown;
  maxOutputTokens?: unknown;
}

/** A GenerateContentResponse as the emulator renders it (proto3 JSON). */
export type GenerateContentResponse = Record<string, unknown>;

const SAFETY_CATEGORIES = [
  "HARM_CATEGORY_SEXUALLY_EXPLICIT",
  "HARM_CATEGORY_HATE_SPEECH",
  "HARM_CATEGORY_HARASSMENT",
  "HARM_CATEGORY_DANGEROUS_CONTENT",
];

function safetyRatings(): Record<string, string>[] {
  return SAFETY_CATEGORIES.map((category) => ({ category, probability: "NEGLIGIBLE" }));
}

/** The response for `answer` to `prompt`, cut to `maxOutputTokens` when the config sets it. */
export function respond(prompt: string, answer: string, config: GenerationConfig): GenerateContentResponse {
  let text = answer;
  let finishReason = "STOP";
  const maxTokens = typeof config.maxOutputTokens === "number" ? config.maxOutputTokens : undefined;
  if (maxTokens !== undefined && maxTokens > 0 && estimateTokens(text) > maxTokens) {
    text = text.slice(0, maxTokens * 4);
    finishReason = "MAX_TOKENS";
  }
  const promptTokens = estimateTokens(prompt);
  const candidateTokens = estimateTokens(text);
  return {
    candidates: [
      { content: { parts: [{ text }], role: "model" }, finishReason, index: 0, safetyRatings: safetyRatings() },
    ],
    promptFeedback: { safetyRatings: safetyRatings() },
    usageMetadata: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: candidateTokens,
      totalTokenCount: promptTokens + candidateTokens,
    },
  };
}

/** The messages of a stream carrying `response` (see the module comment). */
export function streamChunks(response: GenerateContentResponse): GenerateContentResponse[] {
  const [candidate] = response.candidates as { content: { parts: { text: string }[] }; finishReason: string }[];
  const text = candidate.content.parts[0].text;
  const pieces = text.match(/\s*\S+\s*/g) ?? [text];
  return pieces.map((piece, i) => {
    const last = i === pieces.length - 1;
    const chunk: GenerateContentResponse = {
      candidates: [
        {
          content: { parts: [{ text: piece }], role: "model" },
          ...(last ? { finishReason: candidate.finishReason } : {}),
          index: 0,
          safetyRatings: safetyRatings(),
        },
      ],
    };
    if (i === 0) chunk.promptFeedback = response.promptFeedback;
    if (last) chunk.usageMetadata = response.usageMetadata;
    return chunk;
  });
}
