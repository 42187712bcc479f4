// VertexTunedModel's check against the emulator over HTTP, authenticated with a service-account key
// through Application Default Credentials (strict auth: only the emulator's own tokens pass). The
// engine lifecycle is in test/engine/vertexLifecycle.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { checkedVertexInputs, useVertexEmulator, vertexInputs, VERTEX_LOCATION } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const checked = checkedVertexInputs;

describe("VertexTunedModel check", () => {
  const env = useVertexEmulator();

  test("check resolves project and location from stack config and normalizes names", async () => {
    const inputs = await checked({ baseModel: "publishers/google/models/gemini-2.5-flash", hyperparameters: { adapterSize: 4 } });
    expect(inputs).toMatchObject({
      project: env().project,
      location: VERTEX_LOCATION,
      baseModel: "gemini-2.5-flash",
      hyperparameters: { adapterSize: "ADAPTER_SIZE_FOUR" },
    });
  });

  test("check names each bad property", async () => {
    const { failures } = await provider.check(
      {},
      vertexInputs({
        trainingDataset: { uri: "https://example.test/data.jsonl", fingerprint: "" },
        hyperparameters: { adapterSize: 3, epochCount: 0 },
        labels: { "pulumi-gemini-tuning": "x", Team: "a" },
        tunedModelDisplayName: "x".repeat(129),
      }),
    );
    const byProperty = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    expect(byProperty["trainingDataset.uri"]).toMatch(/Cloud Storage URI/);
    expect(byProperty["trainingDataset.fingerprint"]).toMatch(/must not be empty/);
    expect(byProperty["hyperparameters.adapterSize"]).toMatch(/1, 2, 4, 8, 16 or 32/);
    expect(byProperty["hyperparameters.epochCount"]).toMatch(/greater than 0/);
    expect(byProperty['labels["pulumi-gemini-tuning"]']).toMatch(/reserved/);
    expect(byProperty["labels.Team"]).toMatch(/lowercase/);
    expect(byProperty.tunedModelDisplayName).toMatch(/128/);
  });

  test("check reports a missing project and location with where to set them", async () => {
    await provider.configure({ config: { get: () => undefined } });
    const { failures } = await provider.check({}, vertexInputs());
    expect(failures).toEqual([
      { property: "project", reason: expect.stringMatching(/gcp:project stack setting or GOOGLE_CLOUD_PROJECT/) },
      { property: "location", reason: expect.stringMatching(/gcp:region stack setting or GOOGLE_CLOUD_LOCATION/) },
    ]);
  });
});
