/**
 * Field-name conversions between the proto names (snake_case) and the JSON names (lowerCamelCase).
 *
 * Proto3 JSON parsers accept both spellings on input, and Google's curl samples send snake_case; the emulator
 * normalises every key to camelCase once, at the edge, so handlers only ever see one spelling.
 */

/** `tuning_task` -> `tuningTask`; names already in camelCase pass through unchanged. */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** `tuningTask` -> `tuning_task`, used for field paths in error details, which Google writes in proto form. */
export function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Raised when one object carries the same field under both spellings (a proto3 JSON parser rejects that). */
export class DuplicateFieldError extends Error {
  /** @param field the camelCase field name given twice */
  constructor(readonly field: string) {
    super(`Duplicate field "${field}" (given both in snake_case and camelCase).`);
    this.name = "DuplicateFieldError";
  }
}

/**
 * Returns a deep copy of `value` with every object key converted to camelCase. Keys starting with `@`
 * (`@type` of an `Any`) are kept verbatim.
 */
export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    const name = key.startsWith("@") ? key : snakeToCamel(key);
    if (Object.prototype.hasOwnProperty.call(out, name)) throw new DuplicateFieldError(name);
    out[name] = normalizeKeys(inner);
  }
  return out;
}
