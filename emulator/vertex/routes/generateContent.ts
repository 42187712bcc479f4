/**
 * PredictionService.GenerateContent and StreamGenerateContent, under every binding aiplatform's service config
 * lists for them (each under v1 and v1beta1):
 *
 * - `projects/{p}/locations/{l}/endpoints/{e}` and `endpoints/{e}`: a tuned model's endpoint. The answer is
 *   deterministic: when the job's dataset was read (mapped bucket), the rule of the Gemini API route applies
 *   (`jobs/recall.ts`: a training prompt is recalled as the model's accuracy decides, any other prompt gets
 *   the nearest example's output);
 *   otherwise the configured fixed answer (`vertex.fixedAnswer`, default `VERTEX_FIXED_ANSWER`). An endpoint
 *   with nothing deployed is 400 FAILED_PRECONDITION.
 * - `projects/{p}/locations/{l}/publishers/{pub}/models/{m}` and `publishers/{pub}/models/{m}`: a base model,
 *   answered with the fixed answer when it is one of the accepted base models (`vertex.baseModels`), else 404.
 *
 * The body is read leniently (unknown fields are ignored, `systemInstruction` and `generationConfig` are
 * accepted), since tuned Gemini models on Vertex support them; only `contents` is interpreted. A stream is one
 * chunk: server-sent events with `alt=sse` (what @google/genai asks for), else one JSON array (the REST
 * server stream of the generated clients).
 */
import { failedPrecondition, notFound } from "../../errors";
import { estimateTokens } from "../../jobs/answer";
import { recallRate, tunedAnswer } from "../../jobs/recall";
import { PromptMessages, promptOf } from "../../jobs/prompt";
import { formatTimestamp, nowMs } from "../../json/timestamps";
import { HandlerResult } from "../../routes/types";
import { VertexCall, VertexRoute } from "../half";
import { newVertexId } from "../ids";
import { isAcceptedBaseModel } from "../options";
import { endpointName } from "../render";
import { AIPLATFORM_RPC, loadEndpoint, VERTEX_ROUTE } from "./common";

const PROMPT_MESSAGES: PromptMessages = {
  noContents: 'contents is required: at least one content with role "user".',
  noContentsViolation: "required",
  noText: "The last content must have a text part.",
};

/** `[projects/{p}/locations/{l}/](endpoints/{e} | publishers/{pub}/models/{m})`, five optional captures. */
const TARGET = "(?:projects\\/([^/]+)\\/locations\\/([^/]+)\\/)?(?:endpoints\\/([^/:]+)|publishers\\/([^/]+)\\/models\\/([^/:]+))";

/** What serves the call: the examples to answer from (none: the fixed answer) and the model version reported. */
interface Server {
  examples: readonly { textInput: string; output: string }[];
  modelVersion: string;
  /** The served model's name and answer accuracy (tuned models only). */
  tuned?: { name: string; accuracy: number };
}

function endpointServer(call: VertexCall): Server {
  const [project, location, endpointId] = call.params;
  const endpoint =
    project === undefined
      ? call.half.store.endpointById(endpointId)
      : loadEndpoint({ ...call, params: [project, location, endpointId] });
  if (!endpoint) throw notFound(`Endpoint endpoints/${endpointId} does not exist.`);
  const deployed = endpoint.deployedModels[0];
  if (!deployed) {
    throw failedPrecondition(`Endpoint ${endpointName(endpoint, endpoint.id)} has no deployed model to serve the request.`);
  }
  const model = call.half.store.modelById(deployed.modelId);
  const job = model === undefined ? undefined : call.half.store.jobById(model.jobId);
  const accuracy = model?.answerAccuracy ?? recallRate(job?.epochCount ?? 1, undefined);
  return { examples: model?.examples ?? [], modelVersion: model?.baseModel ?? "", tuned: model && { name: `models/${model.id}`, accuracy } };
}

function publisherServer(call: VertexCall): Server {
  const [, , , publisher, model] = call.params;
  if (publisher !== "google" || !isAcceptedBaseModel(model, call.half.settings.baseModels)) {
    throw notFound(`Publisher Model \`publishers/${publisher}/models/${model}\` was not found or your project does not have access to it.`);
  }
  return { examples: [], modelVersion: model };
}

function answer(call: VertexCall): Record<string, unknown> {
  const server = call.params[2] !== undefined ? endpointServer(call) : publisherServer(call);
  const prompt = promptOf(call.body() as Record<string, unknown>, PROMPT_MESSAGES);
  const text = server.examples.length > 0 && server.tuned !== undefined ? tunedAnswer(server.examples, prompt, server.tuned) : call.half.settings.fixedAnswer;
  const promptTokens = estimateTokens(prompt);
  const candidateTokens = estimateTokens(text);
  return {
    candidates: [{ content: { role: "model", parts: [{ text }] }, finishReason: "STOP" }],
    usageMetadata: {
      promptTokenCount: promptTokens,
      candidatesTokenCount: candidateTokens,
      totalTokenCount: promptTokens + candidateTokens,
    },
    modelVersion: server.modelVersion,
    createTime: formatTimestamp(nowMs()),
    responseId: newVertexId(),
  };
}

/** GenerateContent on an endpoint or a base model. */
export const generateContentOnEndpoint: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.endpoints.generateContent",
  rpc: `${AIPLATFORM_RPC}.PredictionService.GenerateContent`,
  method: "POST",
  pattern: new RegExp(`^${TARGET}:generateContent$`),
  handler: (call) => ({ json: answer(call) }),
};

/** StreamGenerateContent on an endpoint or a base model. */
export const streamGenerateContentOnEndpoint: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.endpoints.streamGenerateContent",
  rpc: `${AIPLATFORM_RPC}.PredictionService.StreamGenerateContent`,
  method: "POST",
  pattern: new RegExp(`^${TARGET}:streamGenerateContent$`),
  handler: (call): HandlerResult => {
    const chunk = answer(call);
    if (call.query.get("alt") === "sse") return { contentType: "text/event-stream", text: `data: ${JSON.stringify(chunk)}\r\n\r\n` };
    return { jsonStream: [chunk] };
  },
};
