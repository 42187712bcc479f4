/**
 * The Vertex AI enum fields with their numbers (`google.cloud.aiplatform.v1`, the same in v1beta1), for
 * answers to clients that ask for numeric enums (`../json/enums.ts`). Only the fields the emulator emits are
 * listed. The request side needs no table: the schemas in `messages.ts` decode names and numbers alike.
 */
import { EnumFields } from "../json/enums";
import { ADAPTER_SIZES, JOB_STATES } from "./messages";

/** Each name of a proto enum whose values are numbered by position, with its number. */
function byPosition(names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((name, number) => [name, number]));
}

/** JSON field name -> enum value numbers. */
export const VERTEX_ENUM_FIELDS: EnumFields = {
  /** TuningJob.state (JobState) */
  state: byPosition(JOB_STATES),
  /** SupervisedHyperParameters.adapterSize (AdapterSize: TWO is 6, added after THIRTY_TWO) */
  adapterSize: byPosition(ADAPTER_SIZES),
  /** Candidate.finishReason (of PredictionService.GenerateContent) */
  finishReason: {
    FINISH_REASON_UNSPECIFIED: 0,
    STOP: 1,
    MAX_TOKENS: 2,
    SAFETY: 3,
    RECITATION: 4,
    OTHER: 5,
    BLOCKLIST: 6,
    PROHIBITED_CONTENT: 7,
    SPII: 8,
    MALFORMED_FUNCTION_CALL: 9,
    MODEL_ARMOR: 10,
  },
};
