// Invalid VertexTunedModel arguments fail at `pulumi preview` with the property path in the engine's
// output, and nothing is sent to the service.
import * as gemini from "../../sdk";
import { expectStepFailure, shownText } from "../reliability/support/stacks";
import { checkFailure } from "./checkFailure";
import { createVertexStack, type VertexStack } from "./vertexStack";

jest.setTimeout(120_000);

const valid: gemini.VertexTunedModelArgs = {
  baseModel: "gemini-2.5-flash",
  trainingDataset: { uri: "gs://tuning-data/train.jsonl", fingerprint: "md5:AAAA" },
};

describe("invalid VertexTunedModel arguments fail at preview", () => {
  let env: VertexStack;
  beforeAll(async () => (env = await createVertexStack(async () => ({}))));
  afterAll(async () => env?.dispose());

  const cases: Array<[string, () => gemini.VertexTunedModelArgs, RegExp]> = [
    ["a dataset that is not in Cloud Storage", () => ({ ...valid, trainingDataset: { uri: "https://example.test/train.jsonl", fingerprint: "md5:AAAA" } }), checkFailure("trainingDataset.uri", "must be a Cloud Storage URI")],
    ["a dataset without a fingerprint", () => ({ ...valid, validationDataset: { uri: "gs://tuning-data/v.jsonl" } as gemini.VertexDatasetArgs }), checkFailure("validationDataset.fingerprint", "is required")],
    ["an adapter size Vertex does not offer", () => ({ ...valid, hyperparameters: { adapterSize: 3 } }), checkFailure("hyperparameters.adapterSize", "must be 1, 2, 4, 8, 16 or 32")],
    ["the provider's own label", () => ({ ...valid, labels: { "pulumi-gemini-tuning": "mine" } }), checkFailure('labels["pulumi-gemini-tuning"]', "the label pulumi-gemini-tuning is reserved for the provider")],
    ["a display name over 128 characters", () => ({ ...valid, tunedModelDisplayName: "x".repeat(129) }), checkFailure("tunedModelDisplayName", "must be at most 128 characters")],
    ["a region that is not one", () => ({ ...valid, location: "US Central" }), checkFailure("location", "must be a region")],
    ["an epoch count too large to be exact in JSON", () => ({ ...valid, hyperparameters: { epochCount: 2 ** 60 } }), checkFailure("hyperparameters.epochCount", "must be at most 9007199254740991")],
    ["a label value of 65 characters", () => ({ ...valid, labels: { team: "v".repeat(65) } }), checkFailure("labels.team", "label values use at most 64")],
    ["a display name of 129 characters outside the BMP", () => ({ ...valid, tunedModelDisplayName: "\u{1F642}".repeat(129) }), checkFailure("tunedModelDisplayName", "must be at most 128 characters")],
    ["a create timeout over 8760h", () => ({ ...valid, timeouts: { create: "9000h" } }), checkFailure("timeouts.create", 'must be at most "8760h"')],
    ["both a base model and a source model", () => ({ ...valid, sourceModel: "projects/p-123456/locations/europe-west4/models/1@1" }), checkFailure("sourceModel", "cannot be set together with baseModel")],
    ["a checkpoint without a source model", () => ({ ...valid, checkpointId: "2" }), checkFailure("checkpointId", "needs sourceModel")],
    ["a source that is not a tuned model", () => ({ ...valid, baseModel: undefined, sourceModel: "tunedModels/abc" }), checkFailure("sourceModel", "must name a tuned model")],
    ["a method Vertex does not offer", () => ({ ...valid, method: "distillation" as "preference" }), checkFailure("method", 'must be "supervised" or "preference"')],
    ["beta for supervised tuning", () => ({ ...valid, hyperparameters: { beta: 0.1 } }), checkFailure("hyperparameters.beta", "is a preference tuning hyperparameter")],
    ["learningRate together with learningRateMultiplier", () => ({ ...valid, hyperparameters: { learningRate: 0.001, learningRateMultiplier: 2 } }), checkFailure("hyperparameters.learningRate", "cannot be set together with learningRateMultiplier")],
    ["batchSize for preference tuning", () => ({ ...valid, method: "preference", hyperparameters: { batchSize: 4 } }), checkFailure("hyperparameters.batchSize", "is a supervised tuning setting")],
    ["a tuning mode Vertex does not offer", () => ({ ...valid, hyperparameters: { tuningMode: "TUNING_MODE_LORA" as "TUNING_MODE_FULL" } }), checkFailure("hyperparameters.tuningMode", "must be")],
    ["adoptExisting without the job to adopt", () => ({ ...valid, adoptExisting: true }), checkFailure("tuningJob", "is required with adoptExisting")],
    ["adapter size 32 for preference tuning", () => ({ ...valid, method: "preference", hyperparameters: { adapterSize: 32 } }), checkFailure("hyperparameters.adapterSize", "must be 1, 2, 4, 8 or 16 for preference tuning")],
    ["an evaluationConfig without an output folder", () => ({ ...valid, evaluationConfig: { metrics: [{ bleuSpec: {} }] } as gemini.VertexEvaluationConfigArgs }), checkFailure("evaluationConfig.outputConfig", "is required")],
    [
      "an evaluation metric with two specs",
      () => ({ ...valid, evaluationConfig: { metrics: [{ bleuSpec: {}, exactMatchSpec: {} }], outputConfig: { gcsDestination: { outputUriPrefix: "gs://eval/out/" } } } }),
      checkFailure("evaluationConfig.metrics[0]", "needs exactly one metric spec"),
    ],
  ];

  const password = "pa55-w0rd-in-url";
  it("a baseUrl with user and password fails at preview and the password is shown nowhere", async () => {
    env.stack.setProgram(async () => {
      new gemini.VertexTunedModel("invalid", { ...valid, baseUrl: `https://user:${password}@us-central1-aiplatform.googleapis.com` });
      return {};
    });
    env.emulator.control.clearRequests();
    const shown = shownText((await expectStepFailure(env.stack.preview())).trace);
    expect(shown).toMatch(checkFailure("baseUrl", "must not carry a user name or password"));
    expect(shown).not.toContain(password);
    expect(env.emulator.control.requests()).toEqual([]);
  });

  it("a gemini:vertexBaseUrl with user and password fails at preview and the password is shown nowhere", async () => {
    const url = env.emulator.url;
    await env.stack.setConfig("gemini:vertexBaseUrl", url.replace("://", `://user:${password}@`));
    try {
      env.stack.setProgram(async () => {
        new gemini.VertexTunedModel("invalid", valid);
        return {};
      });
      env.emulator.control.clearRequests();
      const shown = shownText((await expectStepFailure(env.stack.preview())).trace);
      expect(shown).toMatch(/gemini:vertexBaseUrl or GOOGLE_VERTEX_BASE_URL\) must not carry a user name or password/);
      expect(shown).not.toContain(password);
      expect(env.emulator.control.requests()).toEqual([]);
    } finally {
      await env.stack.setConfig("gemini:vertexBaseUrl", url);
    }
  });

  it.each(cases)("%s", async (_what, args, message) => {
    env.stack.setProgram(async () => {
      new gemini.VertexTunedModel("invalid", args());
      return {};
    });
    env.emulator.control.clearRequests();
    const shown = shownText((await expectStepFailure(env.stack.preview())).trace);
    expect(shown).toMatch(message);
    expect(env.emulator.control.requests()).toEqual([]);
  });

  it("a stack without gcp:project names where to set it", async () => {
    await env.stack.stack.removeConfig("gcp:project");
    try {
      env.stack.setProgram(async () => {
        new gemini.VertexTunedModel("invalid", valid);
        return {};
      });
      const shown = shownText((await expectStepFailure(env.stack.preview())).trace);
      expect(shown).toMatch(checkFailure("project", "is not set: set the project argument, the gcp:project stack setting or GOOGLE_CLOUD_PROJECT"));
    } finally {
      await env.stack.setConfig("gcp:project", "pulumi-tests");
    }
  });
});
