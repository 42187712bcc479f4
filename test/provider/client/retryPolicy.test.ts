import { redactSecrets } from "../../../provider/auth";
import { backoffDelayMs, retryAfterMs, retryPolicy } from "../../../provider/client";
import { retryInfoDelayMs } from "../../../provider/google/errorEnvelope";
import { fakeGoogleApiKey } from "../../fixtures/fakeApiKey";

describe("backoff with full jitter", () => {
  const policy = retryPolicy({ initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000 });

  test("the window doubles per retry up to the cap", () => {
    expect([1, 2, 3, 4, 5, 10].map((retry) => backoffDelayMs(policy, retry, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
  });

  test("delays spread over the whole window", () => {
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(200);
  });
});

describe("server retry hints", () => {
  test("Retry-After as seconds or HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z");
    expect(retryAfterMs("12", now)).toBe(12_000);
    expect(retryAfterMs(" 0 ", now)).toBe(0);
    expect(retryAfterMs("Wed, 01 Jan 2025 00:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Tue, 31 Dec 2024 23:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  test("RetryInfo.retryDelay as a Duration string or object", () => {
    const info = (retryDelay: unknown) => [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay }];
    expect(retryInfoDelayMs(info("12s"))).toBe(12_000);
    expect(retryInfoDelayMs(info("0.5s"))).toBe(500);
    expect(retryInfoDelayMs(info({ seconds: "2", nanos: 500_000_000 }))).toBe(2500);
    expect(retryInfoDelayMs(info("later"))).toBeUndefined();
    expect(retryInfoDelayMs([{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "X" }])).toBeUndefined();
    expect(retryInfoDelayMs(undefined)).toBeUndefined();
  });
});

describe("redactSecrets", () => {
  test("removes known secrets and anything shaped like a key or token", () => {
    const key = fakeGoogleApiKey();
    expect(redactSecrets(`bad key ${key}`)).toBe("bad key [REDACTED]");
    expect(redactSecrets("GET /x?alt=json&key=abc123&y=1")).toBe("GET /x?alt=json&key=[REDACTED]&y=1");
    expect(redactSecrets("Authorization: Bearer ya29.a0AfH6SMBx-long-token")).toBe("Authorization: Bearer [REDACTED]");
    expect(redactSecrets("my secret is hunter22!", ["hunter22"])).toBe("my secret is [REDACTED]!");
    expect(redactSecrets("short abc stays", ["abc"])).toBe("short abc stays");
  });
});
