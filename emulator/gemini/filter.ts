/**
 * The ListTunedModels `filter` (docs/gemini-api.md#pagination): full-text terms matched against `displayName` and
 * `description`, and the operators `owner:me`, `writers:me`, `readers:me`, `readers:everyone`.
 *
 * Grammar (Google documents none; this one is the emulator's): whitespace-separated terms, all of which
 * must hold (AND); a term `key:value` is an operator, anything else is text, matched case-insensitively as a
 * substring; "double quotes" group words into one text term. Without any operator, models shared with
 * EVERYONE are excluded (the documented default) and only models the caller holds a direct role on are listed.
 */
import { directRole, hasRole, sharedWithEveryone } from "./access";
import { invalidArgument } from "../errors";
import { StoredModel } from "./state";

/** A parsed filter. */
export interface ModelFilter {
  text: string[];
  operators: string[];
}

const OPERATORS = new Set(["owner:me", "writers:me", "readers:me", "readers:everyone"]);

/** Parses a filter string; unknown operators are a 400. */
export function parseFilter(raw: string | undefined): ModelFilter {
  const filter: ModelFilter = { text: [], operators: [] };
  if (!raw) return filter;
  const terms = raw.match(/"[^"]*"|\S+/g) ?? [];
  for (const term of terms) {
    if (term.startsWith('"')) {
      const phrase = term.slice(1, -1).trim();
      if (phrase) filter.text.push(phrase.toLowerCase());
      continue;
    }
    if (/^[a-z]+:/i.test(term)) {
      const op = term.toLowerCase();
      if (!OPERATORS.has(op)) {
        throw invalidArgument(`Invalid filter: unsupported operator "${term}".`, [
          { field: "filter", description: `supported operators: ${[...OPERATORS].join(", ")}` },
        ]);
      }
      filter.operators.push(op);
      continue;
    }
    filter.text.push(term.toLowerCase());
  }
  return filter;
}

function matchesOperator(model: StoredModel, principal: string, op: string): boolean {
  const role = directRole(model, principal);
  switch (op) {
    case "owner:me":
      return role === "OWNER";
    case "writers:me":
      return hasRole(role, "WRITER");
    case "readers:me":
      return hasRole(role, "READER");
    default:
      return sharedWithEveryone(model);
  }
}

/** Whether `model` is listed for `principal` under `filter`. */
export function matchesFilter(model: StoredModel, principal: string, filter: ModelFilter): boolean {
  if (filter.operators.length === 0) {
    if (sharedWithEveryone(model) || directRole(model, principal) === undefined) return false;
  } else if (!filter.operators.every((op) => matchesOperator(model, principal, op))) {
    return false;
  }
  const haystack = `${model.displayName ?? ""}\n${model.description ?? ""}`.toLowerCase();
  return filter.text.every((term) => haystack.includes(term));
}
