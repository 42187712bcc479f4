/**
 * Unit tests of the emulator's shared pure pieces: lenient JSON, field names, float and timestamp rendering,
 * id generation, the generateContent answer rule and page tokens.
 */
import { normalizeKeys, DuplicateFieldError } from "../../emulator/json/fieldNames";
import { parseLenientJson, stripTrailingCommas, JsonSyntaxError } from "../../emulator/json/lenientJson";
import { float32 } from "../../emulator/json/numbers";
import { formatTimestamp } from "../../emulator/json/timestamps";
import { generateModelId, TUNED_MODEL_ID_PATTERN } from "../../emulator/ids";
import { answerFor, levenshtein } from "../../emulator/jobs/answer";
import { paginate } from "../../emulator/pagination";
import { ApiError } from "../../emulator/errors";
import { encodeEnums, wantsNumericEnums } from "../../emulator/json/enums";

describe("lenient JSON", () => {
  test("drops trailing commas outside strings only", () => {
    expect(stripTrailingCommas('{"a": [1, 2, ], "b": "x,}", }')).toBe('{"a": [1, 2 ], "b": "x,}" }');
    expect(parseLenientJson('{"a": {"b": 1,},\n}')).toEqual({ a: { b: 1 } });
    expect(parseLenientJson('{"s": "a\\",]"}')).toEqual({ s: 'a",]' });
  });

  test("an empty body reads as {}, garbage is a syntax error", () => {
    expect(parseLenientJson("  ")).toEqual({});
    expect(() => parseLenientJson("{nope")).toThrow(JsonSyntaxError);
  });

  test("snake_case keys become camelCase, @type is kept, duplicates are rejected", () => {
    expect(normalizeKeys({ tuning_task: { batch_size: 2 }, "@type": "t", list: [{ text_input: "x" }] })).toEqual({
      tuningTask: { batchSize: 2 },
      "@type": "t",
      list: [{ textInput: "x" }],
    });
    expect(() => normalizeKeys({ display_name: "a", displayName: "b" })).toThrow(DuplicateFieldError);
  });
});

describe("proto3 rendering", () => {
  test("float fields print their shortest 32-bit form", () => {
    expect(float32(0.001)).toBe(0.001);
    expect(float32((100 * 7) / 19)).toBe(36.842106);
    expect(float32(0.9)).toBe(0.9);
    expect(float32(1)).toBe(1);
  });

  test("timestamps are RFC 3339 with Z and 3 or 6 fractional digits", () => {
    expect(formatTimestamp(Date.UTC(2024, 2, 14, 15, 11, 23, 766))).toBe("2024-03-14T15:11:23.766Z");
    expect(formatTimestamp(Date.UTC(2024, 2, 14, 15, 11, 23, 766) + 0.989)).toBe("2024-03-14T15:11:23.766989Z");
  });
});

describe("generated ids", () => {
  test("display-name slug plus a 12-character suffix, always a valid id", () => {
    expect(generateModelId("Number Generator")).toMatch(/^number-generator-[a-z0-9]{12}$/);
    expect(generateModelId(undefined)).toMatch(/^[a-z][a-z0-9]{10}$/);
    expect(generateModelId("42 things")).toMatch(/^[a-z][a-z0-9]{10}$/);
    const long = generateModelId("a very long display name that goes on and on");
    expect(long.length).toBeLessThanOrEqual(40);
    for (const id of [long, generateModelId("x!!"), generateModelId("trailing ---")]) expect(id).toMatch(TUNED_MODEL_ID_PATTERN);
  });
});

describe("generateContent rule", () => {
  const examples = [
    { textInput: "1", output: "2" },
    { textInput: "10", output: "11" },
    { textInput: "11", output: "12" },
    { textInput: "Hello   World", output: "greeting" },
  ];

  test("exact match after normalisation, else nearest by edit distance, ties to the earlier example", () => {
    expect(answerFor(examples, "10")).toBe("11");
    expect(answerFor(examples, "  hello world ")).toBe("greeting");
    expect(answerFor(examples, "101")).toBe("11");
    expect(answerFor(examples, "2")).toBe("2");
    expect(levenshtein("kitten", "sitting")).toBe(3);
  });
});

describe("page tokens", () => {
  const items = ["a", "b", "c", "d", "e"];
  const key = (s: string) => [s];

  test("walk every item once and reject a token minted for other parameters", () => {
    const first = paginate(items, key, 2, undefined, "f");
    expect(first.items).toEqual(["a", "b"]);
    const second = paginate(items, key, 2, first.nextPageToken, "f");
    expect(second.items).toEqual(["c", "d"]);
    const third = paginate(items, key, 2, second.nextPageToken, "f");
    expect(third).toEqual({ items: ["e"], nextPageToken: undefined });
    expect(() => paginate(items, key, 2, first.nextPageToken, "other")).toThrow(ApiError);
    expect(() => paginate(items, key, 2, "garbage!", "f")).toThrow(ApiError);
  });

  test("an item deleted between pages does not shift the next page", () => {
    const first = paginate(items, key, 2, undefined, "f");
    expect(paginate(["a", "c", "d", "e"], key, 2, first.nextPageToken, "f").items).toEqual(["c", "d"]);
  });
});

describe("numeric enums", () => {
  const fields = { state: { ACTIVE: 2 }, role: { READER: 3 } };
  test("asked for by $alt or alt with the enum-encoding=int option", () => {
    expect(wantsNumericEnums(new URLSearchParams("$alt=json%3Benum-encoding=int"))).toBe(true);
    expect(wantsNumericEnums(new URLSearchParams("alt=json;enum-encoding=int"))).toBe(true);
    expect(wantsNumericEnums(new URLSearchParams("alt=sse"))).toBe(false);
    expect(wantsNumericEnums(new URLSearchParams("$alt=json"))).toBe(false);
  });
  test("encodes table fields holding enum names at any depth, and nothing else", () => {
    const value = { state: "ACTIVE", items: [{ role: "READER" }, { role: "model" }], other: "ACTIVE", n: { state: 1 } };
    expect(encodeEnums(value, fields)).toEqual({
      state: 2,
      items: [{ role: 3 }, { role: "model" }],
      other: "ACTIVE",
      n: { state: 1 },
    });
  });
});
