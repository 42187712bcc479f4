/**
 * During `pulumi preview`, inputs computed from resources that do not exist yet reach the provider as
 * this sentinel string (the value of `@pulumi/pulumi/runtime/rpc` `unknownValue`). Validation must not
 * fail on them, and diff must treat them as "will change".
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the value is, or contains, an unknown. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** Dotted paths (`hyperparameters.epochCount`, `readerProjectNumbers[0]`) of every unknown inside a value. */
export function unknownPaths(value: unknown, prefix = ""): string[] {
  if (value === UNKNOWN) return [prefix];
  if (Array.isArray(value)) return value.flatMap((item, index) => unknownPaths(item, `${prefix}[${index}]`));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => unknownPaths(item, prefix ? `${prefix}.${key}` : key));
  }
  return [];
}
