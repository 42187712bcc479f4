/**
 * The base models `GET /v1beta/models` advertises (docs/gemini-api.md, Base models and step accounting).
 *
 * Two catalogues: "historical" is the service as it was while tuning was offered (two tunable bases plus a
 * non-tunable neighbour, so both create paths can be exercised); "none" is production today, where no model
 * lists `createTunedModel` and the retired tuning bases are gone.
 */

/** Which catalogue the emulator serves. */
export type BaseModelsMode = "historical" | "none";

/** A `google.ai.generativelanguage.v1beta.Model` as ListModels returns it. */
export interface BaseModel {
  name: string;
  baseModelId?: string;
  version: string;
  displayName: string;
  description: string;
  inputTokenLimit: number;
  outputTokenLimit: number;
  supportedGenerationMethods: string[];
  temperature: number;
  maxTemperature?: number;
  topP: number;
  topK: number;
  thinking?: boolean;
}

/** Method name that marks a model as tunable. */
export const CREATE_TUNED_MODEL = "createTunedModel";

const GEMINI_10_PRO_001: BaseModel = {
  name: "models/gemini-1.0-pro-001",
  version: "001",
  displayName: "Gemini 1.0 Pro 001 (Tuning)",
  description:
    "The best model for scaling across a wide range of tasks. This is a stable model that supports tuning.",
  inputTokenLimit: 30720,
  outputTokenLimit: 2048,
  supportedGenerationMethods: ["generateContent", "countTokens", CREATE_TUNED_MODEL],
  temperature: 0.9,
  topP: 1,
  topK: 1,
};

const GEMINI_15_FLASH_001_TUNING: BaseModel = {
  name: "models/gemini-1.5-flash-001-tuning",
  version: "001",
  displayName: "Gemini 1.5 Flash 001 Tuning",
  description:
    "Version of Gemini 1.5 Flash that supports tuning, our fast and versatile multimodal model for scaling " +
    "across diverse tasks, released in May of 2024.",
  inputTokenLimit: 16384,
  outputTokenLimit: 8192,
  supportedGenerationMethods: ["generateContent", "countTokens", CREATE_TUNED_MODEL],
  temperature: 1,
  maxTemperature: 2,
  topP: 0.95,
  topK: 64,
};

const GEMINI_15_FLASH_001: BaseModel = {
  name: "models/gemini-1.5-flash-001",
  version: "001",
  displayName: "Gemini 1.5 Flash 001",
  description: "Fast and versatile multimodal model for scaling across diverse tasks.",
  inputTokenLimit: 1000000,
  outputTokenLimit: 8192,
  supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent"],
  temperature: 1,
  maxTemperature: 2,
  topP: 0.95,
  topK: 64,
};

const GEMINI_25_FLASH: BaseModel = {
  name: "models/gemini-2.5-flash",
  version: "001",
  displayName: "Gemini 2.5 Flash",
  description: "Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens.",
  inputTokenLimit: 1048576,
  outputTokenLimit: 65536,
  supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
  temperature: 1,
  maxTemperature: 2,
  topP: 0.95,
  topK: 64,
  thinking: true,
};

const GEMINI_20_FLASH_001: BaseModel = {
  name: "models/gemini-2.0-flash-001",
  version: "2.0",
  displayName: "Gemini 2.0 Flash 001",
  description: "Stable version of Gemini 2.0 Flash, our fast and versatile multimodal model.",
  inputTokenLimit: 1048576,
  outputTokenLimit: 8192,
  supportedGenerationMethods: ["generateContent", "countTokens", "createCachedContent", "batchGenerateContent"],
  temperature: 1,
  maxTemperature: 2,
  topP: 0.95,
  topK: 40,
};

/** The models served in each mode, in list order. */
export function baseModelCatalog(mode: BaseModelsMode): readonly BaseModel[] {
  return mode === "historical"
    ? [GEMINI_10_PRO_001, GEMINI_15_FLASH_001_TUNING, GEMINI_15_FLASH_001]
    : [GEMINI_20_FLASH_001, GEMINI_25_FLASH];
}

/**
 * The base models every stored tuned model may refer to, whatever the current mode: a state file written in
 * "historical" mode can be served in "none" mode, and its models still need their defaults and limits.
 */
export function knownBaseModel(name: string): BaseModel | undefined {
  return [...baseModelCatalog("historical"), ...baseModelCatalog("none")].find((m) => m.name === name);
}

/** Whether a model advertises tuning. */
export function isTunable(model: BaseModel): boolean {
  return model.supportedGenerationMethods.includes(CREATE_TUNED_MODEL);
}

/** The highest temperature a tuned model of this base accepts: `maxTemperature` when published, else 1. */
export function maxTemperatureOf(model: BaseModel | undefined): number {
  return model?.maxTemperature ?? 1;
}

/** ListModels / GetModel JSON for a base model (the object already holds only non-default fields). */
export function renderBaseModel(model: BaseModel): Record<string, unknown> {
  return { ...model, supportedGenerationMethods: [...model.supportedGenerationMethods] };
}
