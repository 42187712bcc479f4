/**
 * List pagination (docs/gemini-api.md, Pagination): `pageSize` defaults per method and is clamped to 1000; `pageToken` is
 * opaque and only valid with the same other parameters; `nextPageToken` is absent on the last page.
 *
 * The token records the sort key of the last item returned rather than an offset, so items created or deleted
 * between pages neither repeat nor get skipped.
 */
import { invalidArgument } from "./errors";

/** Largest page any list returns. */
export const MAX_PAGE_SIZE = 1000;

/** A page of items and the token for the next one. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

interface TokenBody {
  /** Sort key of the last item of the previous page. */
  k: (string | number)[];
  /** Fingerprint of the other list parameters. */
  f: string;
}

function encode(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

function decode(token: string): TokenBody | undefined {
  try {
    const body = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as TokenBody;
    return Array.isArray(body.k) && typeof body.f === "string" ? body : undefined;
  } catch {
    return undefined;
  }
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** Parses `pageSize`: absent or 0 means the default, negative is a 400, above 1000 is clamped. */
export function pageSizeOf(raw: string | undefined, defaultSize: number): number {
  if (raw === undefined || raw === "") return defaultSize;
  const n = Number(raw);
  if (!Number.isInteger(n)) {
    throw invalidArgument(`Invalid value for page_size: "${raw}".`, [{ field: "page_size", description: "must be an integer" }]);
  }
  if (n < 0) throw invalidArgument("page_size must not be negative.", [{ field: "page_size", description: "negative" }]);
  return n === 0 ? defaultSize : Math.min(n, MAX_PAGE_SIZE);
}

/**
 * Returns one page of `items` (already in list order, which `keyOf` must follow). `fingerprint` describes the
 * other request parameters; a token minted for different parameters is rejected with 400.
 */
export function paginate<T>(
  items: T[],
  keyOf: (item: T) => (string | number)[],
  pageSize: number,
  pageToken: string | undefined,
  fingerprint: string,
): Page<T> {
  let start = 0;
  if (pageToken) {
    const body = decode(pageToken);
    if (!body) throw invalidArgument("Invalid page token.", [{ field: "page_token", description: "not a token this API issued" }]);
    if (body.f !== fingerprint) {
      throw invalidArgument("The page token does not match the previous request's parameters.", [
        { field: "page_token", description: "other list parameters must be identical between pages" },
      ]);
    }
    start = items.findIndex((item) => compareKeys(keyOf(item), body.k) > 0);
    if (start < 0) start = items.length;
  }
  const page = items.slice(start, start + pageSize);
  const more = start + pageSize < items.length;
  return {
    items: page,
    nextPageToken: more && page.length > 0 ? encode({ k: keyOf(page[page.length - 1]), f: fingerprint }) : undefined,
  };
}
