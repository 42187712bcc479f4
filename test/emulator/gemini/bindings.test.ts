/**
 * The other HTTP bindings the Gemini API's service configs and protos list for implemented methods, over
 * resources the emulator does not keep (batches, generated files, corpora, base-model operations, `dynamic/*`
 * models): they answer as the service does for a resource that does not exist, not "Method not found".
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, start } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start()));
afterAll(() => emu.close());

test.each([
  ["GET", "/v1beta/batches/b1", "Operation batches/b1 does not exist."],
  ["GET", "/v1beta/generatedFiles/f1/operations/o1", "Operation generatedFiles/f1/operations/o1 does not exist."],
  ["GET", "/v1beta/models/gemini-1.0-pro-001/operations/o1", "Operation models/gemini-1.0-pro-001/operations/o1 does not exist."],
  ["GET", "/v1beta/corpora/c1/operations/o1", "Operation corpora/c1/operations/o1 does not exist."],
  ["GET", "/v1beta/corpora/c1/permissions", "Corpus corpora/c1 does not exist."],
  ["POST", "/v1beta/corpora/c1/permissions", "Corpus corpora/c1 does not exist."],
  ["GET", "/v1beta/corpora/c1/permissions/p1", "Permission corpora/c1/permissions/p1 does not exist."],
  ["PATCH", "/v1beta/corpora/c1/permissions/p1", "Permission corpora/c1/permissions/p1 does not exist."],
  ["DELETE", "/v1beta/corpora/c1/permissions/p1", "Permission corpora/c1/permissions/p1 does not exist."],
  ["POST", "/v1beta/dynamic/d1:generateContent", "Model dynamic/d1 does not exist."],
  ["POST", "/v1/dynamic/d1:streamGenerateContent", "Model dynamic/d1 does not exist."],
])("%s %s is 404 NOT_FOUND for the missing resource", async (method, path, message) => {
  const reply = await api.call(method, path, method === "GET" || method === "DELETE" ? undefined : {});
  expect(reply.status).toBe(404);
  expect(reply.json.error).toMatchObject({ status: "NOT_FOUND", message });
});

test("ListOperations of a base model and of batches are empty lists; of an unknown model, 404", async () => {
  const ofModel = await api.get("/v1beta/models/gemini-1.5-flash-001-tuning/operations");
  expect(ofModel.status).toBe(200);
  expect(ofModel.json).toEqual({});
  expect((await api.get("/v1beta/batches")).json).toEqual({});
  expect((await api.get("/v1beta/models/gemini-9/operations")).status).toBe(404);
  const routes = emu.control.requests().map((r) => r.route);
  expect(routes).not.toContain("unknown");
});
