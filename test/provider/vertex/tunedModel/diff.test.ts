// VertexTunedModel's diff against the emulator over HTTP, authenticated with a service-account key
// through Application Default Credentials (strict auth: only the emulator's own tokens pass). The
// engine lifecycle is in test/engine/vertexLifecycle.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { diffVertexTunedModel } from "../../../../provider/vertex/tunedModel/diff";
import type { CheckedVertexInputs } from "../../../../provider/vertex/tunedModel/inputs";
import { checkedVertexInputs, useVertexEmulator } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const checked = checkedVertexInputs;

describe("VertexTunedModel diff", () => {
  useVertexEmulator();

  test("diff: datasets and hyperparameters replace, model fields update in place, equal values are no change", async () => {
    const inputs = await checked();
    const { outs } = await provider.create(inputs);
    const diff = (overrides: Record<string, unknown>) => checked(overrides).then((news) => provider.diff("id", outs, news));
    await expect(diff({})).resolves.toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    await expect(diff({ trainingDataset: { uri: "gs://tuning-data/numbers.jsonl", fingerprint: "md5:BBBB" } })).resolves.toMatchObject({
      replaces: ["trainingDataset.fingerprint"],
    });
    await expect(diff({ hyperparameters: { epochCount: 3 } })).resolves.toMatchObject({ replaces: ["hyperparameters.epochCount"] });
    await expect(diff({ description: "new" })).resolves.toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
});

describe("diffVertexTunedModel (no service)", () => {
  const news: CheckedVertexInputs = {
    resourceName: "m",
    autonameSeed: "p/s/m",
    project: "p",
    location: "us-central1",
    baseModel: "gemini-2.5-flash",
    tunedModelDisplayName: "numbers",
    labels: { team: "ml" },
    trainingDataset: { uri: "gs://b/train.jsonl", fingerprint: "md5:AA" },
    hyperparameters: { epochCount: 2, adapterSize: "ADAPTER_SIZE_FOUR" },
  };
  const olds: Record<string, unknown> = { ...news, name: "projects/p/locations/us-central1/tuningJobs/1", state: "JOB_STATE_SUCCEEDED", labels: { team: "ml" } };

  test("equal values, labels in another order, are no change", () => {
    expect(diffVertexTunedModel({ ...olds, labels: { team: "ml" } }, { ...news, labels: { team: "ml" } })).toEqual({ changes: false, replaces: [], updates: [] });
  });

  test.each([
    [{ project: "q" }, ["project"]],
    [{ baseModel: "gemini-2.0-flash" }, ["baseModel"]],
    [{ trainingDataset: { uri: "gs://b/other.jsonl", fingerprint: "md5:AA" } }, ["trainingDataset.uri"]],
    [{ validationDataset: { uri: "gs://b/val.jsonl", fingerprint: "md5:CC" } }, ["validationDataset.uri"]],
    [{ hyperparameters: { epochCount: 3, adapterSize: "ADAPTER_SIZE_FOUR" } }, ["hyperparameters.epochCount"]],
    [{ serviceAccount: "trainer@p.iam.gserviceaccount.com" }, ["serviceAccount"]],
  ])("%j trains a new model, naming %j", (change, replaces) => {
    expect(diffVertexTunedModel(olds, { ...news, ...change } as CheckedVertexInputs)).toEqual({ changes: true, replaces, updates: [] });
  });

  test("display name, description and labels are patched, naming exactly the changed ones", () => {
    expect(diffVertexTunedModel(olds, { ...news, tunedModelDisplayName: "renamed", labels: { team: "ml", env: "prod" } })).toEqual({
      changes: true,
      replaces: [],
      updates: ["tunedModelDisplayName", "labels"],
    });
  });

  test("a job that ended without a model is replaced; one still running is resumed", () => {
    expect(diffVertexTunedModel({ ...olds, state: "JOB_STATE_FAILED" }, news)).toEqual({ changes: true, replaces: ["state"], updates: [] });
    expect(diffVertexTunedModel({ ...olds, state: "JOB_STATE_CANCELLED" }, news).replaces).toEqual(["state"]);
    expect(diffVertexTunedModel({ ...olds, state: "JOB_STATE_RUNNING" }, news)).toEqual({ changes: true, replaces: [], updates: [] });
  });

  test("a changed timeout is recorded in place", () => {
    expect(diffVertexTunedModel(olds, { ...news, timeouts: { create: "3h" } })).toEqual({ changes: true, replaces: [], updates: [] });
  });
});
