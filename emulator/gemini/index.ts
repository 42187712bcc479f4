/**
 * The Gemini API half of the emulator: its store, its routes bound to it, and the seam the core drives it by.
 */
import { ServiceHalf } from "../half";
import { shiftAnchorForPause } from "../jobs/stepClock";
import { bindRoutes } from "../routes/types";
import { baseModelCatalog } from "./baseModels";
import { GEMINI_ENUM_FIELDS } from "./enums";
import { GeminiHalf, GeminiSettings } from "./half";
import { GEMINI_ROUTES } from "./routes";
import { GeminiState } from "./state";
import { GeminiStore } from "./store";
import { advanceJob } from "./training";

/** The Gemini half with its seam. */
export type GeminiService = GeminiHalf & ServiceHalf<GeminiState>;

/** Builds the Gemini half; `touch` marks the emulator state as changed. */
export function createGeminiHalf(settings: GeminiSettings, touch: () => void): GeminiService {
  const store = new GeminiStore(touch);
  const half: GeminiHalf = { store, settings, catalog: () => baseModelCatalog(settings.baseModelsMode) };
  return {
    ...half,
    routes: bindRoutes(GEMINI_ROUTES, half, GEMINI_ENUM_FIELDS),
    advance: (now, stepMs) => {
      for (const model of store.eachModel()) if (advanceJob(model, now, stepMs)) touch();
    },
    shiftForPause: (pausedAt, now) => {
      for (const model of store.eachModel()) {
        if (model.state === "CREATING") shiftAnchorForPause(model.job, pausedAt, now);
      }
    },
    snapshot: () => store.snapshot(),
    load: (state) => store.load(state),
    reset: () => {
      store.load();
      touch();
    },
    clearFailures: () => store.clearFailures(),
  };
}
