/**
 * Reading a tuning dataset named by a `gs://bucket/object` URI. The emulator reaches no Cloud Storage: a
 * dataset is only read when its bucket is mapped to a local directory (`vertex.gcsBuckets`), and then the
 * object path is a file under that directory. Unmapped buckets are accepted unread (the data is assumed
 * valid; stats use `vertex.unreadExampleCount`).
 *
 * A mapped dataset must be JSONL, one example per line (blank lines ignored): an object with `contents`, a
 * non-empty list of `{role: "user"|"model", parts: [...]}` with at least one user and one model turn and
 * non-empty `parts` (each part an object; text parts hold a string). `systemInstruction` is allowed. A problem
 * is reported as the first offending line; the create still succeeds and the job fails when it would start
 * running (see `training.ts`), which is where Vertex reports dataset validation errors.
 *
 * A preference-tuning dataset (Google's "Prepare preference tuning data" guide) has, per line, `contents` that
 * end with a user turn and `completions`: exactly two `{score, completion}` entries, one scored 1 (preferred)
 * and one 0 (dispreferred), each completion a model turn. Its examples answer with the preferred completion.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { VertexDatasetFacts, VertexExample } from "./state";

/** Bucket and object of a `gs://` URI, or undefined when it is not one. */
export function parseGcsUri(uri: string): { bucket: string; object: string } | undefined {
  const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,221}[a-z0-9])\/(.+)$/.exec(uri);
  return m ? { bucket: m[1], object: m[2] } : undefined;
}

interface Turn {
  role: "user" | "model";
  text: string;
}

function turnsOf(value: unknown, line: number, needsModelTurn = true): Turn[] | string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return `line ${line} is not a JSON object`;
  const contents = (value as { contents?: unknown }).contents;
  if (!Array.isArray(contents) || contents.length === 0) return `line ${line} has no "contents" list`;
  const turns: Turn[] = [];
  for (const [i, content] of contents.entries()) {
    const { role, parts } = (content ?? {}) as { role?: unknown; parts?: unknown };
    if (role !== "user" && role !== "model") return `line ${line}: contents[${i}].role must be "user" or "model"`;
    if (!Array.isArray(parts) || parts.length === 0) return `line ${line}: contents[${i}].parts must be a non-empty list`;
    let text = "";
    for (const [j, part] of parts.entries()) {
      if (part === null || typeof part !== "object" || Array.isArray(part)) {
        return `line ${line}: contents[${i}].parts[${j}] is not an object`;
      }
      const t = (part as { text?: unknown }).text;
      if (t !== undefined && typeof t !== "string") return `line ${line}: contents[${i}].parts[${j}].text must be a string`;
      text += t ?? "";
    }
    turns.push({ role, text });
  }
  if (!turns.some((t) => t.role === "user") || (needsModelTurn && !turns.some((t) => t.role === "model"))) {
    return `line ${line}: an example needs at least one "user" and one "model" turn`;
  }
  return turns;
}

/** Each user turn paired with the model turn that follows it. */
function pairsOf(turns: Turn[]): VertexExample[] {
  const pairs: VertexExample[] = [];
  for (let i = 0; i + 1 < turns.length; i++) {
    if (turns[i].role === "user" && turns[i + 1].role === "model") {
      pairs.push({ textInput: turns[i].text, output: turns[i + 1].text });
    }
  }
  return pairs;
}

/** Texts of a `Content`'s parts, or why they are not valid. */
function contentText(content: unknown, where: string): string | { error: string } {
  const { parts } = (content ?? {}) as { parts?: unknown };
  if (!Array.isArray(parts) || parts.length === 0) return { error: `${where}.parts must be a non-empty list` };
  let text = "";
  for (const [j, part] of parts.entries()) {
    const t = (part ?? {}) as { text?: unknown };
    if (typeof t.text !== "string") return { error: `${where}.parts[${j}] must be a text part (preference tuning is text only)` };
    text += t.text;
  }
  return text;
}

/** A preference example: the conversation so far, then a preferred and a dispreferred model completion. */
function preferenceTurnsOf(value: unknown, line: number): Turn[] | string {
  const record = (value ?? {}) as { contents?: unknown; completions?: unknown };
  const prompt = turnsOf(record, line, false);
  if (typeof prompt === "string") return prompt;
  if (prompt[prompt.length - 1]?.role !== "user") return `line ${line}: "contents" must end with a "user" turn`;
  const completions = record.completions;
  if (!Array.isArray(completions) || completions.length !== 2) return `line ${line}: "completions" must hold exactly two completions`;
  const texts: Record<string, string> = {};
  for (const [i, entry] of completions.entries()) {
    const { score, completion } = (entry ?? {}) as { score?: unknown; completion?: { role?: unknown } };
    if (score !== 0 && score !== 1) return `line ${line}: completions[${i}].score must be 1 (preferred) or 0 (dispreferred)`;
    if (completion?.role !== "model") return `line ${line}: completions[${i}].completion.role must be "model"`;
    const text = contentText(completion, `completions[${i}].completion`);
    if (typeof text !== "string") return `line ${line}: ${text.error}`;
    texts[String(score)] = text;
  }
  if (texts["1"] === undefined || texts["0"] === undefined) return `line ${line}: one completion must be scored 1 and the other 0`;
  // The preferred completion is the answer to learn; the dispreferred one still counts as billable text.
  return [...prompt, { role: "model", text: texts["1"] }, { role: "model", text: texts["0"] }];
}

/** Facts about a dataset that was not read. */
export function unreadDataset(exampleCount: number): VertexDatasetFacts {
  // Placeholder stats: 100 tokens (400 characters) per example, documented in the options.
  return { read: false, exampleCount, billableTokenCount: exampleCount * 100, characterCount: exampleCount * 400, examples: [] };
}

function failed(message: string): VertexDatasetFacts {
  return { read: true, exampleCount: 0, billableTokenCount: 0, characterCount: 0, examples: [], error: message };
}

/**
 * Reads the dataset at `uri` when its bucket is mapped; otherwise reports it unread with `unreadExampleCount`
 * examples. Never throws: problems are returned as `error`.
 */
export function readDataset(
  uri: string,
  buckets: Readonly<Record<string, string>>,
  unreadExampleCount: number,
  method: "supervised" | "preference" = "supervised",
): VertexDatasetFacts {
  const gcs = parseGcsUri(uri);
  const dir = gcs ? buckets[gcs.bucket] : undefined;
  if (!gcs || dir === undefined) return unreadDataset(unreadExampleCount);
  const file = path.resolve(dir, gcs.object);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return failed(`Dataset ${uri} names a path outside its bucket.`);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return failed(`Failed to read the training dataset ${uri}: the object does not exist or is not readable.`);
  }
  const examples: VertexExample[] = [];
  let exampleCount = 0;
  let characters = 0;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return failed(`Invalid training dataset ${uri}: line ${i + 1} is not valid JSON.`);
    }
    const turns = method === "preference" ? preferenceTurnsOf(value, i + 1) : turnsOf(value, i + 1);
    if (typeof turns === "string") return failed(`Invalid training dataset ${uri}: ${turns}.`);
    exampleCount++;
    for (const t of turns) characters += t.text.length;
    examples.push(...pairsOf(turns));
  }
  if (exampleCount === 0) return failed(`Invalid training dataset ${uri}: the file holds no examples.`);
  // Billable tokens at the emulator's usual 4 characters per token, over every turn of every example.
  return { read: true, exampleCount, billableTokenCount: Math.ceil(characters / 4), characterCount: characters, examples };
}
