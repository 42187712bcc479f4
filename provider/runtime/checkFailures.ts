import type { z } from "zod";

/** A Pulumi check failure: the property path and why it is invalid. */
export interface CheckFailure {
  /** Dotted property path, e.g. `hyperparameters.epochCount` or `trainingData.examples[2].output`. */
  property: string;
  /** What is wrong and what is allowed. */
  reason: string;
}

/** Renders a zod issue path the way users write property paths in Pulumi programs. */
export function propertyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === "number") return `${text}[${key}]`;
    // A key that is not an identifier (a label such as `cost-center`) needs Pulumi's quoted form.
    if (!/^[A-Za-z_$][\w$]*$/.test(String(key))) return `${text}[${JSON.stringify(String(key))}]`;
    return text === "" ? String(key) : `${text}.${String(key)}`;
  }, "");
}

/**
 * Turns zod issues into check failures, dropping those under a path whose value is still unknown at
 * preview time (it will be checked again when it is known).
 */
export function checkFailuresFromZod(error: z.ZodError, unknown: readonly string[] = []): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const issue of error.issues) {
    const property = propertyPath(issue.path);
    if (unknown.some((path) => property === path || property.startsWith(`${path}.`) || property.startsWith(`${path}[`))) {
      continue;
    }
    if (!failures.some((failure) => failure.property === property && failure.reason === issue.message)) {
      failures.push({ property, reason: issue.message });
    }
  }
  return failures;
}
