/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Numeric enums on the Gemini API: Google's generated clients add `$alt=json;enum-encoding=int` and then read
 * every enum field as its number; without that parameter enums are names.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, start, waitForModel } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
const INT = "$alt=json%3Benum-encoding=int";

beforeAll(async () => {
  ({ emu, api } = await start({ stepMs: 1 }));
  await createModel(api, createBody(), "enum-model");
  await waitForModel(api, "tunedModels/enum-model");
  await api.post("/v1beta/tunedModels/enum-model/permissions", { granteeType: "EVERYONE", role: "READER" });
});
afterAll(() => emu.close());

test("without the parameter, enums are names", async () => {
  const model = await api.get("/v1beta/tunedModels/enum-model");
  expect(model.json.state).toBe("ACTIVE");
});

test.each([
  ["the clients' spelling, URL-encoded", INT],
  ["a literal semicolon", "$alt=json;enum-encoding=int"],
  ["alt without the dollar sign", "alt=json%3Benum-encoding=int"],
])("with %s, TunedModel.state is its number", async (_label, query) => {
  const model = await api.get(`/v1beta/tunedModels/enum-model?${query}`);
  expect(model.status).toBe(200);
  expect(model.json.state).toBe(2);
});

test("list items and the operation's response carry numbers too", async () => {
  // The model is shared with EVERYONE, which a list without an operator leaves out.
  const list = await api.get(`/v1beta/tunedModels?filter=owner:me&${INT}`);
  expect(list.json.tunedModels.map((m: any) => m.state)).toEqual([2]);
  const ops = await api.get(`/v1beta/tunedModels/enum-model/operations?${INT}`);
  expect(ops.json.operations[0].response.state).toBe(2);
});

test("Permission.granteeType and role are numbers; e-mail addresses stay strings", async () => {
  const list = await api.get(`/v1beta/tunedModels/enum-model/permissions?${INT}`);
  const byType = Object.fromEntries(list.json.permissions.map((p: any) => [p.granteeType, p]));
  expect(byType[1]).toMatchObject({ role: 1, emailAddress: expect.any(String) });
  expect(byType[3]).toMatchObject({ role: 3 });
});

test("generateContent: finishReason and safety ratings are numbers, a Content's role stays 'model'", async () => {
  const answer = await api.post(`/v1beta/tunedModels/enum-model:generateContent?${INT}`, {
    contents: [{ role: "user", parts: [{ text: "1" }] }],
  });
  const candidate = answer.json.candidates[0];
  expect(candidate.finishReason).toBe(1);
  expect(candidate.content.role).toBe("model");
  expect(candidate.safetyRatings.every((r: any) => typeof r.category === "number" && r.probability === 1)).toBe(true);
});

test("a request with numeric enums in its body is understood", async () => {
  const created = await api.post(`/v1beta/tunedModels/enum-model/permissions?${INT}`, {
    granteeType: 1,
    emailAddress: "numeric@example.com",
    role: 2,
  });
  expect(created.status).toBe(200);
  expect(created.json).toMatchObject({ granteeType: 1, role: 2, emailAddress: "numeric@example.com" });
});
