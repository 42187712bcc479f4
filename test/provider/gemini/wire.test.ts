import {
  ListTuningOperationsResponseSchema as ListOperationsResponseSchema,
  ListTunedModelsResponseSchema,
  TuningOperationSchema as OperationSchema,
  PermissionSchema,
  TunedModelSchema,
} from "../../../provider/gemini/wire";
import { ErrorEnvelopeSchema, errorInfoReason, fieldViolations } from "../../../provider/google/errorEnvelope";
import { grpcCodeName } from "../../../provider/google/status";

describe("wire schemas", () => {
  test("a TunedModel parses with every documented field and keeps unknown ones", () => {
    const model = TunedModelSchema.parse({
      name: "tunedModels/number-generator-wl1qr34x2py",
      baseModel: "models/gemini-1.5-flash-001-tuning",
      displayName: "number generator",
      description: "d",
      temperature: 0.9,
      topP: 1,
      topK: "64",
      state: "ACTIVE",
      createTime: "2024-02-21T20:04:16.448050Z",
      updateTime: "2024-02-21T20:14:16Z",
      readerProjectNumbers: ["1234567890123", 42],
      tuningTask: {
        startTime: "2024-02-21T20:04:16.890698Z",
        completeTime: "2024-02-21T20:14:16Z",
        hyperparameters: { epochCount: 5, batchSize: "4", learningRate: 0.001 },
        snapshots: [{ step: 19, epoch: 5, meanLoss: 1.402067, computeTime: "2024-02-21T20:14:16Z" }],
      },
      futureField: { nested: true },
    });
    expect(model.topK).toBe(64);
    expect(model.readerProjectNumbers).toEqual(["1234567890123", "42"]);
    expect(model.tuningTask?.hyperparameters).toEqual({ epochCount: 5, batchSize: 4, learningRate: 0.001 });
    expect(model.tuningTask?.snapshots?.[0]).toMatchObject({ step: 19, epoch: 5, meanLoss: 1.402067 });
    expect(model.futureField).toEqual({ nested: true });
  });

  test("a tuned-from-a-tuned-model source parses", () => {
    const model = TunedModelSchema.parse({ name: "tunedModels/b", tunedModelSource: { tunedModel: "tunedModels/a", baseModel: "models/m" } });
    expect(model.tunedModelSource).toEqual({ tunedModel: "tunedModels/a", baseModel: "models/m" });
  });

  test("int64 stays exact as a string; an enum given as its number maps to its name", () => {
    const model = TunedModelSchema.parse({ name: "tunedModels/a", readerProjectNumbers: ["98765432109876543210"], state: 2 });
    expect(model.readerProjectNumbers).toEqual(["98765432109876543210"]);
    expect(model.state).toBe("ACTIVE");
    expect(PermissionSchema.parse({ name: "p", role: 3, granteeType: "EVERYONE" })).toMatchObject({ role: "READER", granteeType: "EVERYONE" });
  });

  test("wrong types are rejected with the path", () => {
    const wrong = [
      { name: 7 },
      { name: "tunedModels/a", temperature: "hot" },
      { name: "tunedModels/a", topK: 1.5 },
      { name: "tunedModels/a", readerProjectNumbers: ["12ab"] },
      { name: "tunedModels/a", tuningTask: { snapshots: [{ step: "one" }] } },
      { displayName: "no name" },
    ];
    for (const body of wrong) expect(TunedModelSchema.safeParse(body).success).toBe(false);
    const result = TunedModelSchema.safeParse({ name: "tunedModels/a", tuningTask: { hyperparameters: { epochCount: true } } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["tuningTask", "hyperparameters", "epochCount"]);
  });

  test("an Operation in each of its documented forms", () => {
    const fresh = OperationSchema.parse({
      name: "tunedModels/m/operations/bvl8dymw0fhw",
      metadata: {
        "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata",
        totalSteps: 38,
        tunedModel: "tunedModels/m",
      },
    });
    expect(fresh.done).toBeUndefined();
    expect(fresh.metadata?.completedSteps).toBeUndefined();

    const failed = OperationSchema.parse({ name: "op", done: true, error: { code: 3, message: "bad", details: [] } });
    expect(failed.error).toEqual({ code: 3, message: "bad", details: [] });
    expect(grpcCodeName(failed.error?.code)).toBe("INVALID_ARGUMENT");

    const succeeded = OperationSchema.parse({
      name: "op",
      done: true,
      metadata: { completedSteps: 19, completedPercent: 100, totalSteps: 19, snapshots: [] },
      response: { "@type": "type.googleapis.com/google.ai.generativelanguage.v1beta.TunedModel", name: "tunedModels/m", state: "ACTIVE" },
    });
    expect(succeeded.response?.["@type"]).toContain("TunedModel");
    expect(OperationSchema.safeParse({ name: "op", done: "yes" }).success).toBe(false);
  });

  test("list responses tolerate a missing list and page token", () => {
    expect(ListTunedModelsResponseSchema.parse({})).toEqual({});
    expect(ListOperationsResponseSchema.parse({ operations: [{ name: "o" }], nextPageToken: "t" }).operations).toHaveLength(1);
  });

  test("the error envelope and its details", () => {
    const envelope = ErrorEnvelopeSchema.parse({
      error: {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        status: "INVALID_ARGUMENT",
        details: [
          { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com" },
          { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field: "f", description: "d" }] },
        ],
      },
    });
    expect(errorInfoReason(envelope.error.details)).toBe("API_KEY_INVALID");
    expect(fieldViolations(envelope.error.details)).toEqual([{ field: "f", description: "d" }]);
    expect(ErrorEnvelopeSchema.safeParse({ message: "not an envelope" }).success).toBe(false);
  });
});
