import type { z } from "zod";
import { checkFailuresFromZod, type CheckFailure } from "../runtime/checkFailures";
import { unknownPaths } from "../runtime/unknowns";
import { toPropertyMap } from "./state";

/** What `check` returns to the engine. */
export interface CheckResult {
  /** Normalized inputs, or the news as given on failure. */
  inputs: Record<string, unknown>;
  /** Property paths with reasons; empty when the inputs are valid. */
  failures: CheckFailure[];
}

/** A resource's own step after its schema accepted the inputs: more problems, or the checked inputs. */
export type CheckStep<Parsed, Checked> = (parsed: Parsed) => { failures: CheckFailure[] } | { checked: Checked };

/**
 * The one check skeleton: drops the serialized provider the engine passes along, parses with the
 * resource's zod schema (problems under a value still unknown at preview are left for later), lets the
 * resource finish (resolve defaults, derive ids) and hands back a property map. Invalid arguments thus
 * fail at `pulumi preview` with the property path and the reason, before anything reaches the service.
 */
export function checkInputs<S extends z.ZodType, Checked extends object>(
  news: Record<string, unknown>,
  schema: S,
  finish: CheckStep<z.output<S>, Checked>,
): CheckResult {
  const { __provider: _ignored, ...given } = news;
  const parsed = schema.safeParse(given);
  if (!parsed.success) return { inputs: news, failures: checkFailuresFromZod(parsed.error, unknownPaths(given)) };
  const step = finish(parsed.data);
  if ("failures" in step) return step.failures.length > 0 ? { inputs: news, failures: step.failures } : { inputs: toPropertyMap(parsed.data as object), failures: [] };
  return { inputs: toPropertyMap(step.checked), failures: [] };
}
