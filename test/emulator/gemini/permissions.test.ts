/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * Permissions CRUD, the creator's automatic OWNER grant, transferOwnership, and the roles they confer.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, start } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start({ stepMs: 1000 })));
afterAll(() => emu.close());
beforeEach(async () => {
  emu.control.reset();
  await createModel(api, createBody(), "shared");
});

const base = "/v1beta/tunedModels/shared/permissions";

test("the creator gets an OWNER grant automatically", async () => {
  const reply = await api.get(base);
  expect(reply.status).toBe(200);
  expect(reply.json.permissions).toEqual([
    { name: expect.stringMatching(/^tunedModels\/shared\/permissions\/[a-z][a-z0-9]{11}$/), granteeType: "USER", emailAddress: "emulator-user@example.com", role: "OWNER" },
  ]);
});

test("create, get, list, patch (role) and delete a grant", async () => {
  const created = await api.post(base, { granteeType: "USER", emailAddress: "reader@example.com", role: "READER" });
  expect(created.status).toBe(200);
  expect(created.json).toMatchObject({ granteeType: "USER", emailAddress: "reader@example.com", role: "READER" });
  const name = created.json.name;
  expect((await api.get(`/v1beta/${name}`)).json).toEqual(created.json);
  expect((await api.get(base)).json.permissions).toHaveLength(2);

  const patched = await api.patch(`/v1beta/${name}?updateMask=role`, { role: "WRITER" });
  expect(patched.status).toBe(200);
  expect(patched.json.role).toBe("WRITER");
  const unmasked = await api.patch(`/v1beta/${name}`, { role: "READER" });
  expect(unmasked.json.role).toBe("READER");

  expect((await api.del(`/v1beta/${name}`)).json).toEqual({});
  expect((await api.get(`/v1beta/${name}`)).status).toBe(404);
  expect((await api.get(base)).json.permissions).toHaveLength(1);
});

test("grants accept snake_case and enum numbers; GROUP and EVERYONE grantees", async () => {
  const group = await api.post(base, { grantee_type: 2, email_address: "team@example.com", role: 3 });
  expect(group.json).toMatchObject({ granteeType: "GROUP", emailAddress: "team@example.com", role: "READER" });
  const everyone = await api.post(base, { granteeType: "EVERYONE", role: "READER" });
  expect(everyone.json).toMatchObject({ granteeType: "EVERYONE", role: "READER" });
  expect(everyone.json.emailAddress).toBeUndefined();
});

test.each([
  [{ granteeType: "USER", emailAddress: "x@example.com", role: "OWNER" }, "permission.role"],
  [{ granteeType: "USER", emailAddress: "x@example.com" }, "permission.role"],
  [{ granteeType: "USER", role: "READER" }, "permission.email_address"],
  [{ granteeType: "USER", emailAddress: "not-an-email", role: "READER" }, "permission.email_address"],
  [{ emailAddress: "x@example.com", role: "READER" }, "permission.grantee_type"],
  [{ granteeType: "EVERYONE", role: "WRITER" }, "permission.role"],
  [{ granteeType: "EVERYONE", emailAddress: "x@example.com", role: "READER" }, "permission.email_address"],
])("invalid grant %j is a 400 on %s", async (body, field) => {
  const reply = await api.post(base, body);
  expect(reply.status).toBe(400);
  expect(reply.json.error.details[0].fieldViolations[0].field).toBe(field);
});

test("a second grant for the same grantee is 409; the OWNER grant cannot be deleted or re-roled", async () => {
  await api.post(base, { granteeType: "USER", emailAddress: "reader@example.com", role: "READER" });
  const dup = await api.post(base, { granteeType: "USER", emailAddress: "READER@example.com", role: "WRITER" });
  expect(dup.status).toBe(409);
  expect(dup.json.error.status).toBe("ALREADY_EXISTS");
  const owner = (await api.get(base)).json.permissions.find((p: any) => p.role === "OWNER");
  const del = await api.del(`/v1beta/${owner.name}`);
  expect(del.status).toBe(400);
  expect(del.json.error.status).toBe("FAILED_PRECONDITION");
  expect((await api.patch(`/v1beta/${owner.name}?updateMask=role`, { role: "READER" })).status).toBe(400);
  const reader = (await api.get(base)).json.permissions.find((p: any) => p.role === "READER");
  expect((await api.patch(`/v1beta/${reader.name}?updateMask=emailAddress`, { emailAddress: "y@example.com" })).status).toBe(400);
});

test("permissions list pages", async () => {
  await api.post(base, { granteeType: "USER", emailAddress: "a@example.com", role: "READER" });
  await api.post(base, { granteeType: "USER", emailAddress: "b@example.com", role: "READER" });
  const first = await api.get(`${base}?pageSize=2`);
  expect(first.json.permissions).toHaveLength(2);
  const second = await api.get(`${base}?pageSize=2&pageToken=${encodeURIComponent(first.json.nextPageToken)}`);
  expect(second.json.permissions.map((p: any) => p.emailAddress)).toEqual(["b@example.com"]);
  expect(second.json.nextPageToken).toBeUndefined();
});

test("transferOwnership: the new owner gets OWNER, the previous owner becomes WRITER and loses delete", async () => {
  const reply = await api.post("/v1beta/tunedModels/shared:transferOwnership", { emailAddress: "boss@example.com" });
  expect(reply.status).toBe(200);
  expect(reply.json).toEqual({});
  const grants = (await api.get(base)).json.permissions.map((p: any) => [p.emailAddress, p.role]);
  expect(grants).toEqual([
    ["emulator-user@example.com", "WRITER"],
    ["boss@example.com", "OWNER"],
  ]);
  expect((await api.patch("/v1beta/tunedModels/shared?updateMask=description", { description: "still editable" })).status).toBe(200);
  const del = await api.del("/v1beta/tunedModels/shared");
  expect(del.status).toBe(403);
  expect(del.json.error).toEqual({ code: 403, message: "You do not have permission to access tuned model tunedModels/shared", status: "PERMISSION_DENIED" });
  expect((await api.post("/v1beta/tunedModels/shared:transferOwnership", { emailAddress: "x@example.com" })).status).toBe(403);
});

test("transferOwnership needs an e-mail address; an existing grantee is promoted", async () => {
  expect((await api.post("/v1beta/tunedModels/shared:transferOwnership", {})).status).toBe(400);
  await api.post(base, { granteeType: "USER", emailAddress: "promoted@example.com", role: "READER" });
  await api.post("/v1beta/tunedModels/shared:transferOwnership", { email_address: "promoted@example.com" });
  const grants = (await api.get(base)).json.permissions.map((p: any) => [p.emailAddress, p.role]);
  expect(grants).toEqual([
    ["emulator-user@example.com", "WRITER"],
    ["promoted@example.com", "OWNER"],
  ]);
});

test("permission routes on a missing model are 404", async () => {
  expect((await api.get("/v1beta/tunedModels/ghost/permissions")).status).toBe(404);
  expect((await api.get(`${base}/nosuchgrant1`)).status).toBe(404);
});
