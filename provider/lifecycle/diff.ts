import { containsUnknown } from "../runtime/unknowns";

/**
 * Whether a desired value differs from the recorded one: `true`/`false`, or the changed sub-paths (an
 * empty list is no change), so the preview can name `hyperparameters.epochCount` rather than the whole
 * object.
 */
export type Comparator = (desired: unknown, recorded: unknown) => boolean | string[];

/** How a field takes part in diff. */
export interface FieldRule {
  /** Property name in inputs and outputs. */
  field: string;
  /** `replace`: a change trains a new model; `update`: patched in place. */
  effect: "replace" | "update";
  /** The equality the service's own representation calls for. */
  changed: Comparator;
  /** Compare even when the program leaves the field unset (removing it is then a change). Default false. */
  compareUnset?: boolean;
  /** The output key the recorded value sits under, when not `field`. */
  recordedAs?: string;
}

/** Comparators for the ways the services write values back. */
export const compare = {
  /** Plain equality; absent equals absent. */
  exact: ((desired, recorded) => (desired ?? null) !== (recorded ?? null)) as Comparator,
  /** Equal at the service's float32 precision (it stores sampling parameters as float32). */
  float32: ((desired, recorded) => !sameNumber(desired as number | undefined, recorded as number | undefined)) as Comparator,
  /** proto3 omits empty strings, so "" and absent are the same value. */
  proto3String: ((desired, recorded) => ((desired as string | undefined) ?? "") !== ((recorded as string | undefined) ?? "")) as Comparator,
  /** The same members in any order (numbers and their decimal strings alike). */
  stringSet: ((desired, recorded) => sortedStrings(desired).join(",") !== sortedStrings(recorded).join(",")) as Comparator,
  /** The same keys and values, in any order. */
  record: ((desired, recorded) => canonicalRecord(desired) !== canonicalRecord(recorded)) as Comparator,
  /** The same JSON (settings such as `timeouts`). */
  json: ((desired, recorded) => JSON.stringify(desired ?? null) !== JSON.stringify(recorded ?? null)) as Comparator,
  /** Numeric members compared one by one after `normalize`; names the changed keys under `prefix`. */
  numberRecord(prefix: string, normalize: (value: unknown) => Record<string, number | string>, float = false): Comparator {
    return (desired, recorded) => {
      const after = normalize(desired);
      const before = normalize(recorded);
      const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
      const same = (a: number | string | undefined, b: number | string | undefined) =>
        float && typeof a === "number" && typeof b === "number" ? sameNumber(a, b) : a === b;
      return [...keys].filter((key) => !same(before[key], after[key])).map((key) => `${prefix}.${key}`);
    };
  },
};

/**
 * Applies a resource's field table. A field the program leaves unset is not compared unless its rule
 * says so: for a mutable field the service's value (often a default) stands and is no drift; for a
 * replacing one the program chose the other of two alternatives. A value still unknown at preview
 * counts as changed.
 */
export function diffFields(recorded: Record<string, unknown>, desired: Record<string, unknown>, table: readonly FieldRule[]): { replaces: string[]; updates: string[] } {
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const rule of table) {
    const value = desired[rule.field];
    if (value === undefined && !rule.compareUnset) continue;
    const verdict = containsUnknown(value) ? true : rule.changed(value, recorded[rule.recordedAs ?? rule.field]);
    const paths = verdict === true ? [rule.field] : verdict === false ? [] : verdict;
    (rule.effect === "replace" ? replaces : updates).push(...(rule.effect === "update" && paths.length > 0 ? [rule.field] : paths));
  }
  return { replaces, updates };
}

/** Settings that change how the provider talks to the service, not the model: a change is recorded in place. */
export function settingsChanged(recorded: Record<string, unknown>, desired: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => compare.json(desired[key], recorded[key]) === true);
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sortedStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String).sort() : [];
}

function canonicalRecord(value: unknown): string {
  const entries = Object.entries((value as Record<string, unknown> | undefined) ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

/**
 * The line diff prints when a training resource must be replaced, naming what forces it. The Node
 * dynamic-provider host passes neither changed keys nor a detailed diff to the engine, so the preview's
 * `[diff: ...]` summary lists every input that differs (internal `__` keys aside, which is why an
 * autonamed id is recorded under one); this line says in words which change forces the new model.
 */
export function replacementReason(resourceName: string, replaces: readonly string[]): string {
  const reasons = replaces.map((field) => (field === "state" ? "its recorded training failed" : `${field} changed`));
  return `${resourceName}: replaced by a newly trained model because ${reasons.join(", ")}`;
}
