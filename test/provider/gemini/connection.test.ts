import { configure, tunedModel } from "../../../provider";
import { authorizerFor } from "../../../provider/gemini/connection";
import { modelInputs, rejection, TEST_API_KEY, useEmulator } from "./geminiFixture";

const KEY = `test-key-${process.pid}-${Date.now()}`;
const emulator = useEmulator({ strictAuth: true, apiKeys: [KEY, TEST_API_KEY] });

describe("connection settings", () => {
  it("takes the API key and quota project from stack configuration", async () => {
    await configure({ config: { get: (key: string) => ({ "gemini:apiKey": KEY, "gemini:project": "quota-proj" })[key] } });
    const { inputs } = await tunedModel.check({}, modelInputs(emulator().url));
    const { outs } = await tunedModel.create(inputs);
    expect(outs.state).toBe("ACTIVE");
    const requests = emulator().control.requests();
    expect(new Set(requests.map((request) => request.authKind))).toEqual(new Set(["apiKey"]));
    expect(new Set(requests.map((request) => request.userProject))).toEqual(new Set(["quota-proj"]));
    expect(JSON.stringify(outs)).not.toContain(KEY);
  });

  it("reports a rejected key with the operation and Google's status, never the key", async () => {
    const wrong = `wrong-${KEY}`;
    const { inputs } = await tunedModel.check({}, modelInputs(emulator().url, { apiKey: wrong }));
    const error = await rejection(tunedModel.create(inputs));
    expect(error.message).toMatch(/tunedModels\.create/);
    expect(error.message).toMatch(/INVALID_ARGUMENT/);
    expect(`${error.message}\n${error.stack}\n${JSON.stringify(error)}`).not.toContain(wrong);
  });
});

describe("authorizerFor", () => {
  test("uses the API key when there is one, ADC otherwise", () => {
    expect(authorizerFor({ apiKey: "test-key-123456" }).kind).toBe("apiKey");
    expect(authorizerFor({}).kind).toBe("adc");
    expect(authorizerFor({ apiKey: "" }).kind).toBe("adc");
  });
});
