/**
 * The prompt of a generateContent request: the text of the last entry of `contents`, its text parts joined
 * without separator. Both services read it the same way and differ only in how they word the refusal.
 */
import { invalidArgument } from "../errors";

/** How one service words a request without a usable prompt. */
export interface PromptMessages {
  /** `contents` is missing or empty. */
  noContents: string;
  /** The field violation's description for a missing `contents`. */
  noContentsViolation: string;
  /** The last content has no text. */
  noText: string;
}

/** The prompt text; throws 400 INVALID_ARGUMENT (with a field violation) when there is none. */
export function promptOf(body: Record<string, unknown>, messages: PromptMessages): string {
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    throw invalidArgument(messages.noContents, [{ field: "contents", description: messages.noContentsViolation }]);
  }
  const last = contents[contents.length - 1] as { parts?: unknown } | null;
  const parts = Array.isArray(last?.parts) ? (last.parts as { text?: unknown }[]) : [];
  const text = parts.map((p) => (typeof p?.text === "string" ? p.text : "")).join("");
  if (text === "") {
    throw invalidArgument(messages.noText, [
      { field: `contents[${contents.length - 1}].parts`, description: "must contain a text part" },
    ]);
  }
  return text;
}
