/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect loosely typed JSON bodies */
/**
 * tunedModels.list: page sizes, opaque tokens, text filters, operators and the default exclusion of models
 * shared with EVERYONE.
 */
import { EmulatorHandle } from "../../../emulator";
import { Api, createBody, createModel, start } from "../helpers";

let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => ({ emu, api } = await start({ stepMs: 1000 })));
afterAll(() => emu.close());
beforeEach(() => emu.control.reset());

async function createMany(n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) names.push((await createModel(api, createBody({ displayName: `model ${i}` }), `m-${String(i).padStart(2, "0")}`)).metadata.tunedModel);
  return names;
}

async function listAll(query: string): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const sep = query ? "&" : "";
    const reply = await api.get(`/v1beta/tunedModels?${query}${token ? `${sep}pageToken=${encodeURIComponent(token)}` : ""}`);
    expect(reply.status).toBe(200);
    names.push(...(reply.json.tunedModels ?? []).map((m: any) => m.name));
    token = reply.json.nextPageToken;
    pages++;
  } while (token && pages < 100);
  return { names, pages };
}

test("an empty list is {} (empty repeated fields are omitted)", async () => {
  const reply = await api.get("/v1beta/tunedModels");
  expect(reply.status).toBe(200);
  expect(reply.json).toEqual({});
});

test("pageSize defaults to 10; tokens walk every model once in creation order; last page has no token", async () => {
  const created = await createMany(25);
  const first = await api.get("/v1beta/tunedModels");
  expect(first.json.tunedModels).toHaveLength(10);
  expect(typeof first.json.nextPageToken).toBe("string");
  const all = await listAll("");
  expect(all.pages).toBe(3);
  expect(all.names).toEqual(created);
  const sized = await listAll("pageSize=7");
  expect(sized.pages).toBe(4);
  expect(sized.names).toEqual(created);
});

test("pageSize above 1000 is clamped, not refused; negative is a 400", async () => {
  await createMany(3);
  const big = await api.get("/v1beta/tunedModels?pageSize=5000");
  expect(big.status).toBe(200);
  expect(big.json.tunedModels).toHaveLength(3);
  expect(big.json.nextPageToken).toBeUndefined();
  expect((await api.get("/v1beta/tunedModels?pageSize=-1")).status).toBe(400);
});

test("a page token is only valid with the same parameters; a forged one is a 400", async () => {
  await createMany(3);
  const first = await api.get("/v1beta/tunedModels?pageSize=1&filter=model");
  const token = encodeURIComponent(first.json.nextPageToken);
  expect((await api.get(`/v1beta/tunedModels?pageSize=1&filter=model&pageToken=${token}`)).status).toBe(200);
  const changed = await api.get(`/v1beta/tunedModels?pageSize=1&filter=other&pageToken=${token}`);
  expect(changed.status).toBe(400);
  expect(changed.json.error.status).toBe("INVALID_ARGUMENT");
  expect((await api.get("/v1beta/tunedModels?pageToken=not-a-token")).status).toBe(400);
});

test("text filter: case-insensitive words over displayName and description, quoted phrases", async () => {
  await createModel(api, createBody({ displayName: "Roman numerals", description: "turns numbers into roman numerals" }), "roman");
  await createModel(api, createBody({ displayName: "Number generator", description: "adds one" }), "adder");
  await createModel(api, createBody({ displayName: "Translator" }), "translator");
  expect((await listAll("filter=roman")).names).toEqual(["tunedModels/roman"]);
  expect((await listAll("filter=NUMBER")).names).toEqual(["tunedModels/roman", "tunedModels/adder"]);
  expect((await listAll(`filter=${encodeURIComponent('"adds one"')}`)).names).toEqual(["tunedModels/adder"]);
  expect((await listAll(`filter=${encodeURIComponent("number adds")}`)).names).toEqual(["tunedModels/adder"]);
  expect((await listAll("filter=nothing-matches")).names).toEqual([]);
});

test("models shared with EVERYONE are excluded by default and listed under readers:everyone", async () => {
  await createModel(api, createBody({ displayName: "private" }), "private");
  await createModel(api, createBody({ displayName: "public" }), "public");
  const share = await api.post("/v1beta/tunedModels/public/permissions", { granteeType: "EVERYONE", role: "READER" });
  expect(share.status).toBe(200);
  expect((await listAll("")).names).toEqual(["tunedModels/private"]);
  expect((await listAll("filter=public")).names).toEqual([]);
  expect((await listAll("filter=readers:everyone")).names).toEqual(["tunedModels/public"]);
  expect((await listAll(`filter=${encodeURIComponent("readers:everyone public")}`)).names).toEqual(["tunedModels/public"]);
  expect((await listAll("filter=owner:me")).names).toEqual(["tunedModels/private", "tunedModels/public"]);
});

test("owner:me, writers:me and readers:me follow the caller's role; unknown operators are a 400", async () => {
  await createModel(api, createBody(), "kept");
  await createModel(api, createBody(), "given-away");
  expect((await api.post("/v1beta/tunedModels/given-away:transferOwnership", { emailAddress: "new-owner@example.com" })).status).toBe(200);
  expect((await listAll("filter=owner:me")).names).toEqual(["tunedModels/kept"]);
  expect((await listAll("filter=writers:me")).names).toEqual(["tunedModels/kept", "tunedModels/given-away"]);
  expect((await listAll("filter=readers:me")).names).toEqual(["tunedModels/kept", "tunedModels/given-away"]);
  const bad = await api.get("/v1beta/tunedModels?filter=colour:blue");
  expect(bad.status).toBe(400);
  expect(bad.json.error.details[0].fieldViolations[0].field).toBe("filter");
});
