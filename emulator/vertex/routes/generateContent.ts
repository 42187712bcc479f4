/**
 * `POST /v1/projects/{p}/locations/{l}/endpoints/{e}:generateContent` on a tuned model's endpoint
 * (PredictionService.GenerateContent).
 *
 * The answer is deterministic: when the job's dataset was read (mapped bucket), the rule of the Gemini API
 * route applies (`generation.ts`: exact match of the last user turn, else the nearest example input by edit
 * distance); otherwise the configured fixed answer (`vertex.fixedAnswer`, default `VERTEX_FIXED_ANSWER`). An
 * endpoint with nothing deployed is 400 FAILED_PRECONDITION. The body is read leniently (unknown fields are
 * ignored, `systemInstruction` and `generationConfig` are accepted), since tuned Gemini models on Vertex
 * support them; only `contents` is interpreted.
 */
import { failedPrecondition } from "../../errors";
import { answerFor, estimateTokens } from "../../jobs/answer";
import { PromptMessages, promptOf } from "../../jobs/prompt";
import { formatTimestamp, nowMs } from "../../json/timestamps";
import { newVertexId } from "../ids";
import { endpointName } from "../render";
import { VertexCall, VertexRoute } from "../half";
import { AIPLATFORM_RPC, loadEndpoint, PARENT, VERTEX_ROUTE } from "./common";

const PROMPT_MESSAGES: PromptMessages = {
  noContents: 'contents is required: at least one content with role "user".',
  noContentsViolation: "required",
  noText: "The last content must have a text part.",
};

function answer(call: VertexCall): Record<string, unknown> {
  const endpoint = loadEndpoint(call);
  const deployed = endpoint.deployedModels[0];
  if (!deployed) {
    throw failedPrecondition(`Endpoint ${endpointName(endpoint, endpoint.id)} has no deployed model to serve the request.`);
  }
  const prompt = promptOf(call.body() as Record<string, unknown>, PROMPT_MESSAGES);
  const model = call.half.store.modelById(deployed.modelId);
  const examples = model?.examples ?? [];
  const text = examples.length > 0 ? answerFor(examples, prompt) : call.half.settings.fixedAnswer;
  const promptTokens = estimateTokens(prompt);
  const candidateTokens = estimateTokens(text);
  return {
    candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP" }],
    usageMetadata: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: candidateTokens,
      totalTokenCount: promptTokens + candidateTokens,
    },
    modelVersion: model?.baseModel ?? "",
    createTime: formatTimestamp(nowMs()),
    responseId: newVertexId(),
  };
}

/** GenerateContent on an endpoint. */
export const generateContentOnEndpoint: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.endpoints.generateContent",
  rpc: `${AIPLATFORM_RPC}.PredictionService.GenerateContent`,
  method: "POST",
  pattern: new RegExp(`^${PARENT}\\/endpoints\\/([^/:]+):generateContent$`),
  handler: (call) => ({ json: answer(call) }),
};
