/**
 * The Gemini API's enum fields with their numbers (from the `generativelanguage` v1beta protos, identical on
 * v1), for answers to clients that ask for numeric enums (`../json/enums.ts`). Only the fields the emulator
 * emits are listed.
 */
import { EnumFields } from "../json/enums";

/** JSON field name -> enum value numbers. */
export const GEMINI_ENUM_FIELDS: EnumFields = {
  /** TunedModel.State */
  state: { STATE_UNSPECIFIED: 0, CREATING: 1, ACTIVE: 2, FAILED: 3 },
  /** Permission.GranteeType */
  granteeType: { GRANTEE_TYPE_UNSPECIFIED: 0, USER: 1, GROUP: 2, EVERYONE: 3 },
  /** Permission.Role (a Content's `role` is a plain string: "user" and "model" are not in this table). */
  role: { ROLE_UNSPECIFIED: 0, OWNER: 1, WRITER: 2, READER: 3 },
  /** Candidate.FinishReason */
  finishReason: {
    FINISH_REASON_UNSPECIFIED: 0,
    STOP: 1,
    MAX_TOKENS: 2,
    SAFETY: 3,
    RECITATION: 4,
    OTHER: 5,
    LANGUAGE: 6,
    BLOCKLIST: 7,
    PROHIBITED_CONTENT: 8,
    SPII: 9,
    MALFORMED_FUNCTION_CALL: 10,
    IMAGE_SAFETY: 11,
    UNEXPECTED_TOOL_CALL: 12,
    TOO_MANY_TOOL_CALLS: 13,
    IMAGE_PROHIBITED_CONTENT: 14,
    IMAGE_OTHER: 15,
    NO_IMAGE: 16,
    IMAGE_RECITATION: 17,
  },
  /** SafetyRating.category: HarmCategory */
  category: {
    HARM_CATEGORY_UNSPECIFIED: 0,
    HARM_CATEGORY_DEROGATORY: 1,
    HARM_CATEGORY_TOXICITY: 2,
    HARM_CATEGORY_VIOLENCE: 3,
    HARM_CATEGORY_SEXUAL: 4,
    HARM_CATEGORY_MEDICAL: 5,
    HARM_CATEGORY_DANGEROUS: 6,
    HARM_CATEGORY_HARASSMENT: 7,
    HARM_CATEGORY_HATE_SPEECH: 8,
    HARM_CATEGORY_SEXUALLY_EXPLICIT: 9,
    HARM_CATEGORY_DANGEROUS_CONTENT: 10,
    HARM_CATEGORY_CIVIC_INTEGRITY: 11,
  },
  /** SafetyRating.probability: HarmProbability */
  probability: { HARM_PROBABILITY_UNSPECIFIED: 0, NEGLIGIBLE: 1, LOW: 2, MEDIUM: 3, HIGH: 4 },
  /** PromptFeedback.BlockReason */
  blockReason: {
    BLOCK_REASON_UNSPECIFIED: 0,
    SAFETY: 1,
    OTHER: 2,
    BLOCKLIST: 3,
    PROHIBITED_CONTENT: 4,
    IMAGE_SAFETY: 5,
  },
};
