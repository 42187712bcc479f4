/**
 * `POST /{v1beta,v1}/tunedModels/{id}:generateContent` and `:streamGenerateContent`, and the same methods'
 * first binding, `models/{id}` (docs/gemini-api.md#generatecontent).
 *
 * A tuned model answers only when ACTIVE (otherwise 400 FAILED_PRECONDITION), from its training examples by
 * the rule in `../../jobs/recall.ts`. What tuned models did not support is refused with 400 INVALID_ARGUMENT:
 * system instructions and JSON mode. A base model of the catalog that lists `generateContent` answers with a
 * fixed stand-in text (the emulator runs no model); any other `models/{id}` is Google's 404.
 * The response itself (truncation, safety ratings, token counts, stream chunks) is built in `../generation.ts`.
 * The request body is read leniently (unknown fields are ignored) because
 * GenerateContentRequest is large and evolves; only the fields above are interpreted.
 */
import { failedPrecondition, invalidArgument, notFound } from "../../errors";
import { recallRate, tunedAnswer } from "../../jobs/recall";
import { PromptMessages, promptOf } from "../../jobs/prompt";
import { charLength } from "../../charLength";
import { MAX_INPUT_CHARS } from "../validation";
import { StoredModel } from "../state";
import { loadModel } from "./lookup";
import { HandlerResult } from "../../routes/types";
import { GeminiCall, GeminiRoute } from "../half";
import { BASE_MODEL_ANSWER, GenerateContentResponse, GenerationConfig, respond, streamChunks } from "../generation";

const SERVICE = "google.ai.generativelanguage.v1beta.GenerativeService";
const SCOPES = [
  "generative-language",
  "generative-language.tuning",
  "generative-language.tuning.readonly",
  "cloud-platform",
] as const;

const PROMPT_MESSAGES: PromptMessages = {
  noContents: "* GenerateContentRequest.contents: contents is not specified",
  noContentsViolation: "contents is not specified",
  noText: "* GenerateContentRequest.contents.parts: contents.parts must not be empty.",
};

function tunedModelAnswer(call: GeminiCall): GenerateContentResponse {
  const model: StoredModel = loadModel(call, call.params[0], "READER");
  if (model.state !== "ACTIVE") {
    throw failedPrecondition(
      `Tuned model tunedModels/${model.id} is ${model.state}, not ACTIVE; it can serve requests once its tuning operation has succeeded.`,
    );
  }
  const body = call.body() as Record<string, unknown>;
  if (body.systemInstruction !== undefined) {
    throw invalidArgument(`Developer instruction is not enabled for tunedModels/${model.id}`);
  }
  const config = (body.generationConfig ?? {}) as GenerationConfig;
  if (config.responseMimeType === "application/json") {
    throw invalidArgument(`JSON mode is not enabled for tunedModels/${model.id}`);
  }
  const prompt = promptOf(body, PROMPT_MESSAGES);
  if (charLength(prompt) > MAX_INPUT_CHARS) {
    throw invalidArgument(`The input is ${charLength(prompt)} characters; tuned models accept at most ${MAX_INPUT_CHARS}.`);
  }
  const accuracy = model.answerAccuracy ?? recallRate(model.hyperparameters.epochCount, model.job.snapshots.at(-1)?.meanLoss);
  return respond(prompt, tunedAnswer(model.examples, prompt, { name: `tunedModels/${model.id}`, accuracy }), config);
}

function baseModelAnswer(call: GeminiCall, method: "generateContent" | "streamGenerateContent"): GenerateContentResponse {
  const name = `models/${call.params[0]}`;
  const model = call.half.catalog().find((m) => m.name === name);
  if (!model || !model.supportedGenerationMethods.includes("generateContent")) {
    throw notFound(`${name} is not found for API version ${call.version}, or is not supported for ${method}. Call ListModels to see the list of available models and their supported methods.`);
  }
  const body = call.body() as Record<string, unknown>;
  const prompt = promptOf(body, PROMPT_MESSAGES);
  return respond(prompt, BASE_MODEL_ANSWER, (body.generationConfig ?? {}) as GenerationConfig);
}

/** The answer as a stream: server-sent events with `alt=sse`, else one JSON array (a REST server stream). */
function streamOf(response: GenerateContentResponse, call: GeminiCall): HandlerResult {
  const chunks = streamChunks(response);
  if (call.query.get("alt") === "sse") {
    return { contentType: "text/event-stream", text: chunks.map((c) => `data: ${JSON.stringify(c)}\r\n\r\n`).join("") };
  }
  return { jsonStream: chunks };
}

/** GenerateContent on a tuned model. */
export const generateContent: GeminiRoute = {
  name: "tunedModels.generateContent",
  rpc: `${SERVICE}.GenerateContent`,
  method: "POST",
  versions: ["v1beta", "v1"],
  pattern: /^tunedModels\/([^/:]+):generateContent$/,
  scopes: SCOPES,
  handler: (call) => ({ json: tunedModelAnswer(call) }),
};

/** StreamGenerateContent on a tuned model. */
export const streamGenerateContent: GeminiRoute = {
  name: "tunedModels.streamGenerateContent",
  rpc: `${SERVICE}.StreamGenerateContent`,
  method: "POST",
  versions: ["v1beta", "v1"],
  pattern: /^tunedModels\/([^/:]+):streamGenerateContent$/,
  scopes: SCOPES,
  handler: (call) => streamOf(tunedModelAnswer(call), call),
};

/** GenerateContent on a base model (the method's first binding). */
export const generateContentOnBaseModel: GeminiRoute = {
  name: "models.generateContent",
  rpc: `${SERVICE}.GenerateContent`,
  method: "POST",
  versions: ["v1beta", "v1"],
  pattern: /^models\/([^/:]+):generateContent$/,
  scopes: SCOPES,
  handler: (call) => ({ json: baseModelAnswer(call, "generateContent") }),
};

/** StreamGenerateContent on a base model (the method's first binding). */
export const streamGenerateContentOnBaseModel: GeminiRoute = {
  name: "models.streamGenerateContent",
  rpc: `${SERVICE}.StreamGenerateContent`,
  method: "POST",
  versions: ["v1beta", "v1"],
  pattern: /^models\/([^/:]+):streamGenerateContent$/,
  scopes: SCOPES,
  handler: (call) => streamOf(baseModelAnswer(call, "streamGenerateContent"), call),
};
