/**
 * Reading request messages the way a proto3 JSON parser does: unknown field names are rejected, values are
 * coerced to the field's type (int32 from number or numeric string, int64 kept as a decimal string, enums from
 * name or number), `null` means "not set", and two members of one oneof are an error. Error texts follow the
 * ones Google's front end produces ("Invalid JSON payload received. Unknown name ...").
 */
import { ApiError, badRequestDetail } from "../errors";
import { camelToSnake } from "./fieldNames";

/** Scalar and composite field types. */
export type FieldType =
  | "string"
  | "float"
  | "int32"
  | "int64"
  | "bool"
  | "timestamp"
  /** `map<string, string>`: a JSON object whose values are all strings. */
  | "stringMap"
  /** `map<string, int32>` (e.g. an endpoint's traffic split). */
  | "int32Map"
  | { enum: readonly string[] }
  | { message: MessageSchema };

/** One field: its type and whether it is a list. */
export interface FieldSpec {
  type: FieldType;
  repeated?: boolean;
}

/** A message: its fields by camelCase JSON name, and its oneof groups (proto names -> member JSON names). */
export interface MessageSchema {
  fields: Record<string, FieldSpec>;
  oneofs?: Record<string, readonly string[]>;
}

/** A decoded message: known field names only, values coerced. */
export type Decoded = Record<string, unknown>;

function payloadError(description: string, field: string): ApiError {
  const message = `Invalid JSON payload received. ${description}`;
  return new ApiError("INVALID_ARGUMENT", message, [badRequestDetail([{ field, description: message }])]);
}

function join(path: string, name: string): string {
  const snake = camelToSnake(name);
  return path === "" ? snake : `${path}.${snake}`;
}

/**
 * Decodes `value` (keys already normalised to camelCase) against `schema`. `path` is the proto path of the
 * message in the request (e.g. `tuned_model`), used in error texts and field violations.
 */
export function decodeMessage(value: unknown, schema: MessageSchema, path: string): Decoded {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw payloadError(`Expected an object at '${path}'.`, path);
  }
  const out: Decoded = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    const spec = schema.fields[name];
    if (!spec) throw payloadError(`Unknown name "${name}" at '${path}': Cannot find field.`, path);
    if (raw === null) continue;
    const fieldPath = join(path, name);
    if (spec.repeated) {
      if (!Array.isArray(raw)) throw payloadError(`Invalid value at '${fieldPath}', expected a list.`, fieldPath);
      out[name] = raw.map((item, i) => decodeValue(item, spec.type, `${fieldPath}[${i}]`));
    } else {
      out[name] = decodeValue(raw, spec.type, fieldPath);
    }
  }
  for (const [oneof, members] of Object.entries(schema.oneofs ?? {})) {
    const set = members.filter((m) => out[m] !== undefined);
    if (set.length > 1) {
      throw payloadError(
        `Oneof field '${oneof}' is already set. Cannot set '${set[1]}'.`,
        join(path, set[1]),
      );
    }
  }
  return out;
}

function typeName(type: FieldType): string {
  if (type === "stringMap" || type === "int32Map") return "TYPE_MESSAGE";
  if (typeof type === "string") return `TYPE_${type === "timestamp" ? "STRING" : type.toUpperCase()}`;
  return "enum" in type ? "TYPE_ENUM" : "TYPE_MESSAGE";
}

function decodeValue(raw: unknown, type: FieldType, path: string): unknown {
  const invalid = (): ApiError =>
    payloadError(`Invalid value at '${path}' (${typeName(type)}), ${JSON.stringify(raw)}`, path);
  if (typeof type === "object") {
    if ("message" in type) return decodeMessage(raw, type.message, path);
    if (typeof raw === "string" && type.enum.includes(raw)) return raw;
    if (typeof raw === "number" && Number.isInteger(raw) && raw >= 0 && raw < type.enum.length) return type.enum[raw];
    throw invalid();
  }
  switch (type) {
    case "string":
    case "timestamp":
      if (typeof raw !== "string") throw invalid();
      return raw;
    case "bool":
      if (typeof raw !== "boolean") throw invalid();
      return raw;
    case "stringMap": {
      if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalid();
      const entries = Object.entries(raw as Record<string, unknown>);
      if (entries.some(([, v]) => typeof v !== "string")) throw invalid();
      return Object.fromEntries(entries);
    }
    case "int32Map": {
      if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw invalid();
      const entries = Object.entries(raw as Record<string, unknown>);
      if (entries.some(([, v]) => !Number.isInteger(v))) throw invalid();
      return Object.fromEntries(entries);
    }
    case "float": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (Number.isNaN(n) && raw !== "NaN") throw invalid();
      return n;
    }
    case "int32": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) throw invalid();
      return n;
    }
    case "int64": {
      if (typeof raw === "number" && Number.isSafeInteger(raw)) return String(raw);
      if (typeof raw === "string" && /^-?\d{1,19}$/.test(raw)) return String(BigInt(raw));
      throw invalid();
    }
  }
}
