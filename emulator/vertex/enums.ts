/**
 * The Vertex AI enum fields with their numbers, for answers to clients that ask for numeric enums
 * (`../json/enums.ts`).
 */
import { EnumFields } from "../json/enums";

/** JSON field name -> enum value numbers (none registered yet: Vertex answers keep enum names). */
export const VERTEX_ENUM_FIELDS: EnumFields = {};
