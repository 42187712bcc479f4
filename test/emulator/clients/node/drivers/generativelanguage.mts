// Drives the Gemini API emulator with @google-ai/generativelanguage in REST fallback mode, as a user's
// program would: only the endpoint (host, port, http) and the credential are configured. DRIVER_INPUT.auth
// picks the credential: "apiKey" (default, EMULATOR_API_KEY), "bearer" (Application Default Credentials: a
// service-account key whose token endpoint is the emulator's), or "badToken" (an access token the emulator
// never issued, to see the client's UNAUTHENTICATED).
//
// Every step's outcome goes into one JSON report (a failed step records the error's code and message), so
// the jest test asserts on what the clients returned.
import { v1, v1beta } from "@google-ai/generativelanguage";
import { OAuth2Client } from "google-auth-library";

const url = new URL(process.env.EMULATOR_URL!);
const input = JSON.parse(process.env.DRIVER_INPUT ?? "{}") as { auth?: "apiKey" | "bearer" | "badToken" };

function credential(): Record<string, unknown> {
  if (input.auth === "bearer") return { scopes: ["https://www.googleapis.com/auth/generative-language.tuning"] };
  if (input.auth === "badToken") {
    const authClient = new OAuth2Client();
    authClient.setCredentials({ access_token: "never-issued", expiry_date: Date.now() + 3_600_000 });
    return { authClient };
  }
  return { apiKey: process.env.EMULATOR_API_KEY };
}
const options = { apiEndpoint: url.hostname, port: Number(url.port), protocol: "http", fallback: true, ...credential() };
const models = new v1beta.ModelServiceClient(options);
const permissions = new v1beta.PermissionServiceClient(options);
const generative = new v1beta.GenerativeServiceClient(options);
const generativeV1 = new v1.GenerativeServiceClient(options);

const report: Record<string, unknown> = {};
async function step(name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    report[name] = await run();
  } catch (err) {
    const e = err as { code?: unknown; message?: string; reason?: string };
    report[name] = { error: { code: e.code, reason: e.reason, message: String(e.message).slice(0, 400) } };
  }
}

const examples = Array.from({ length: 8 }, (_, i) => ({ textInput: String(i + 1), output: String(i + 2) }));
const tunedModel = (displayName: string) => ({
  displayName,
  baseModel: "models/gemini-1.5-flash-001-tuning",
  tuningTask: { hyperparameters: { epochCount: 1, batchSize: 4 }, trainingData: { examples: { examples } } },
});

await step("listBaseModels", async () => {
  const [list] = await models.listModels({});
  return list.filter((m) => m.supportedGenerationMethods?.includes("createTunedModel")).map((m) => m.name);
});

await step("create", async () => {
  const [operation] = await models.createTunedModel({ tunedModelId: "node-client", tunedModel: tunedModel("node client") });
  const first = { name: operation.name, totalSteps: (operation.metadata as { totalSteps?: number } | null)?.totalSteps };
  const [model] = await operation.promise();
  return { first, done: operation.done, model: { name: model.name, state: model.state, snapshots: model.tuningTask?.snapshots?.length } };
});

await step("second", async () => {
  const [operation] = await models.createTunedModel({ tunedModelId: "node-client-2", tunedModel: tunedModel("second") });
  const [model] = await operation.promise();
  return model.state;
});

await step("get", async () => {
  const [model] = await models.getTunedModel({ name: "tunedModels/node-client" });
  return { name: model.name, state: model.state, displayName: model.displayName, epochCount: model.tuningTask?.hyperparameters?.epochCount };
});

await step("listPageSize1", async () => {
  const names: string[] = [];
  for await (const model of models.listTunedModelsAsync({ pageSize: 1 })) names.push(model.name!);
  const [firstPage, , response] = await models.listTunedModels({ pageSize: 1 }, { autoPaginate: false });
  return { names, firstPage: firstPage.map((m) => m.name), nextPageToken: Boolean(response?.nextPageToken) };
});

await step("update", async () => {
  const [model] = await models.updateTunedModel({
    tunedModel: { name: "tunedModels/node-client", description: "updated by the node client" },
    updateMask: { paths: ["description"] },
  });
  return { description: model.description };
});

await step("permissions", async () => {
  const [created] = await permissions.createPermission({
    parent: "tunedModels/node-client",
    permission: { granteeType: "USER", emailAddress: "reader@example.com", role: "READER" },
  });
  const [updated] = await permissions.updatePermission({
    permission: { name: created.name, role: "WRITER" },
    updateMask: { paths: ["role"] },
  });
  const [got] = await permissions.getPermission({ name: created.name });
  const [listed] = await permissions.listPermissions({ parent: "tunedModels/node-client", pageSize: 1 });
  await permissions.deletePermission({ name: created.name });
  const [after] = await permissions.listPermissions({ parent: "tunedModels/node-client" });
  return {
    created: { role: created.role, granteeType: created.granteeType },
    updated: updated.role,
    got: got.role,
    listed: listed.map((p) => `${p.granteeType}:${p.role}`).sort(),
    afterDelete: after.map((p) => `${p.granteeType}:${p.role}`),
  };
});

await step("generate", async () => {
  const [answer] = await generative.generateContent({
    model: "tunedModels/node-client",
    contents: [{ role: "user", parts: [{ text: "3" }] }],
  });
  const candidate = answer.candidates?.[0];
  return { text: candidate?.content?.parts?.[0]?.text, finishReason: candidate?.finishReason, role: candidate?.content?.role };
});

await step("generateV1", async () => {
  const [answer] = await generativeV1.generateContent({
    model: "tunedModels/node-client",
    contents: [{ role: "user", parts: [{ text: "4" }] }],
  });
  return answer.candidates?.[0]?.content?.parts?.[0]?.text;
});

await step("stream", async () => {
  const stream = generative.streamGenerateContent({
    model: "tunedModels/node-client",
    contents: [{ role: "user", parts: [{ text: "5" }] }],
  });
  const texts: string[] = [];
  for await (const chunk of stream) texts.push(String(chunk.candidates?.[0]?.content?.parts?.[0]?.text ?? ""));
  return { chunks: texts.length, text: texts.join("") };
});

await step("notFound", () => models.getTunedModel({ name: "tunedModels/does-not-exist" }));
await step("alreadyExists", () => models.createTunedModel({ tunedModelId: "node-client", tunedModel: tunedModel("again") }));
await step("invalidArgument", () => models.createTunedModel({ tunedModelId: "Bad_Id", tunedModel: tunedModel("bad") }));

await step("delete", async () => {
  await models.deleteTunedModel({ name: "tunedModels/node-client-2" });
  try {
    await models.getTunedModel({ name: "tunedModels/node-client-2" });
    return { gone: false };
  } catch (err) {
    return { gone: true, code: (err as { code?: unknown }).code };
  }
});

await Promise.all([models.close(), permissions.close(), generative.close(), generativeV1.close()]);
console.log(JSON.stringify(report));
