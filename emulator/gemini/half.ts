/**
 * What a Gemini API route sees of the emulator: the Gemini records, the base-model catalog and the settings
 * that shape create calls.
 */
import { ApiCall, Route } from "../routes/types";
import { BaseModel, BaseModelsMode } from "./baseModels";
import { GeminiStore } from "./store";

/** The settings of the Gemini half (a subset of the emulator's resolved options). */
export interface GeminiSettings {
  baseModelsMode: BaseModelsMode;
  /** The answer to a create naming an unknown base model. */
  unknownBaseModelStatus: 400 | 404;
  /** Example count at which server-chosen batch size and learning rate switch. */
  defaultBatchSizeThreshold: number;
}

/** The Gemini half, as its routes see it. */
export interface GeminiHalf {
  readonly store: GeminiStore;
  readonly settings: GeminiSettings;
  /** The base models currently served. */
  catalog(): readonly BaseModel[];
}

/** A Gemini API route. */
export type GeminiRoute = Route<GeminiHalf>;

/** One call to a Gemini API route. */
export type GeminiCall = ApiCall<GeminiHalf>;
