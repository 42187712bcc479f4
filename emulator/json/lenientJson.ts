/**
 * Lenient JSON reading, as Google's front end does it.
 *
 * Google's own tuning tutorial sends a create body with trailing commas and the call succeeds, so the emulator
 * must not be stricter than the real service (docs/gemini-api.md, Conventions).
 */

/** Raised when a request body is not JSON even after the lenient fix-ups; the message names the position. */
export class JsonSyntaxError extends Error {
  /** @param message what the parser rejected */
  constructor(message: string) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

/**
 * Removes commas that directly precede `}` or `]` (ignoring whitespace), leaving string contents untouched.
 * A character scanner rather than a regex, because a regex cannot tell a comma inside a string from one outside.
 */
export function stripTrailingCommas(text: string): string {
  let out = "";
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      out += ch;
      if (ch === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (ch === '"') {
        inString = false;
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === ",") {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] === "}" || text[j] === "]") continue;
    }
    out += ch;
  }
  return out;
}

/**
 * Parses a request body leniently: trailing commas are tolerated, an empty body reads as `{}` (Google accepts
 * an empty body where the message has no required fields).
 */
export function parseLenientJson(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(stripTrailingCommas(text));
  } catch (err) {
    throw new JsonSyntaxError(err instanceof Error ? err.message : String(err));
  }
}
