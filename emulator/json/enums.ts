/**
 * Numeric enums on request. Google's generated clients (gax-based Node clients in REST fallback mode, Python
 * GAPIC clients with `transport="rest"`) add the system parameter `$alt=json;enum-encoding=int` to every call
 * and then expect enum fields as numbers, which is what the service answers (docs/google-clients.md, Query
 * parameters and enum encoding). Without it, enums are their names.
 *
 * Each half declares its enum fields as a table from JSON field name to the enum's name -> number map. A field
 * is encoded when its name is in the table and its value is one of that enum's names, at any depth (an
 * Operation's `response`, a list's items); other values stay as they are, so a field name shared with a plain
 * string field of another message (a Content's `role: "model"` beside a Permission's `role: "READER"`) is
 * safe as long as the plain field never holds an enum name.
 */

/** A half's enum fields: JSON field name -> (enum value name -> number). */
export type EnumFields = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Whether the request asks for numeric enums: a `$alt` or `alt` query value whose `;`-separated options
 * include `enum-encoding=int` (the clients send `$alt=json;enum-encoding=int`, URL-encoded or not).
 */
export function wantsNumericEnums(query: URLSearchParams): boolean {
  for (const key of ["$alt", "alt"]) {
    for (const value of query.getAll(key)) {
      if (value.split(";").some((option) => option.trim().toLowerCase() === "enum-encoding=int")) return true;
    }
  }
  return false;
}

/** A copy of `value` with every enum field of `fields` as its number. */
export function encodeEnums(value: unknown, fields: EnumFields): unknown {
  if (Array.isArray(value)) return value.map((item) => encodeEnums(item, fields));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const numbers = Object.hasOwn(fields, key) ? fields[key] : undefined;
    out[key] =
      numbers && typeof field === "string" && Object.hasOwn(numbers, field)
        ? numbers[field]
        : numbers && Array.isArray(field) && field.every((f) => typeof f === "string" && Object.hasOwn(numbers, f))
          ? field.map((f: string) => numbers[f])
          : encodeEnums(field, fields);
  }
  return out;
}
