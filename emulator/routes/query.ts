/**
 * Query-parameter access. Google's HTTP transcoding accepts the JSON (camelCase) name of a request field and,
 * leniently, the proto (snake_case) name; both are looked up.
 */
import { camelToSnake } from "../json/fieldNames";

/** First value of a parameter under its camelCase or snake_case name. */
export function queryParam(query: URLSearchParams, camelName: string): string | undefined {
  return query.get(camelName) ?? query.get(camelToSnake(camelName)) ?? undefined;
}

/** Every value of a repeatable parameter, split on commas (a FieldMask may come either way). */
export function queryList(query: URLSearchParams, camelName: string): string[] | undefined {
  const values = [...query.getAll(camelName), ...query.getAll(camelToSnake(camelName))];
  if (values.length === 0) return undefined;
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
}
