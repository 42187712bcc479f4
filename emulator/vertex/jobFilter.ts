/**
 * The ListTuningJobs `filter`, a minimal subset of Google's list-filter syntax (AIP-160), which the proto only
 * calls "the standard list filter". Grammar (the emulator's): terms joined by whitespace or `AND` (all must
 * hold); a term is `field=value`, `field!=value` or `field:value` (`:` means "has": equality for scalars),
 * with the value optionally in double quotes. Fields: `state`, `base_model`, `display_name` (the tuned model
 * display name), `labels.KEY`. Anything else is a 400.
 */
import { invalidArgument } from "../errors";
import { snakeToCamel } from "../json/fieldNames";
import { StoredVertexJob } from "./state";

/** One parsed comparison. */
export interface JobFilterTerm {
  field: string;
  negate: boolean;
  value: string;
}

const SCALAR_FIELDS = new Set(["state", "baseModel", "displayName", "tunedModelDisplayName"]);

function isKnownField(field: string): boolean {
  return (field.startsWith("labels.") && field.length > "labels.".length) || SCALAR_FIELDS.has(snakeToCamel(field));
}

const TERM = /^([a-zA-Z_][a-zA-Z0-9_.-]*)\s*(!=|=|:)\s*(?:"([^"]*)"|(\S+))$/;

function fieldValue(job: StoredVertexJob, field: string): string | undefined {
  if (field.startsWith("labels.")) return job.labels[field.slice("labels.".length)];
  switch (snakeToCamel(field)) {
    case "state":
      return job.state;
    case "baseModel":
      return job.baseModel;
    case "displayName":
    case "tunedModelDisplayName":
      return job.tunedModelDisplayName ?? "";
    default:
      return undefined;
  }
}

/** Parses a filter; an unsupported term is a 400 naming it. */
export function parseJobFilter(raw: string | undefined): JobFilterTerm[] {
  if (!raw || raw.trim() === "") return [];
  const pieces = raw.match(/[^\s"=:!]+\s*(?:!=|=|:)\s*(?:"[^"]*"|\S+)|\S+/g) ?? [];
  const terms: JobFilterTerm[] = [];
  for (const piece of pieces) {
    if (piece === "AND") continue;
    const m = TERM.exec(piece);
    if (!m || !isKnownField(m[1])) {
      throw invalidArgument(`Unsupported filter term "${piece}".`, [
        { field: "filter", description: "supported: state, base_model, display_name, labels.KEY with =, != or :, joined by AND" },
      ]);
    }
    terms.push({ field: m[1], negate: m[2] === "!=", value: m[3] ?? m[4] });
  }
  return terms;
}

/** Whether a job passes every term. */
export function matchesJobFilter(job: StoredVertexJob, terms: readonly JobFilterTerm[]): boolean {
  return terms.every((t) => (fieldValue(job, t.field) === t.value) !== t.negate);
}
