/* eslint-disable @typescript-eslint/no-explicit-any -- tests inspect the drivers' loosely typed JSON reports */
/**
 * Google's generated Node client for the Gemini API, @google-ai/generativelanguage 4.1.0, in REST fallback mode
 * (google-gax), unchanged but for its endpoint and credential, against an emulator in strict-auth mode: once
 * with an API key, once with a bearer token that Application Default Credentials (a service-account key
 * pointing at the emulator's token endpoint) obtain.
 *
 * The client runs in its own Node process (node/drivers/generativelanguage.mts), because its transport loads
 * fetch through a dynamic import that jest's sandbox refuses.
 */
import { EmulatorHandle } from "../../../emulator";
import { start } from "../helpers";
import { runNodeDriver } from "./node/runNodeDriver";

interface Run {
  emu: EmulatorHandle;
  report: any;
}

async function run(auth: "apiKey" | "bearer"): Promise<Run> {
  const { emu } = await start({ stepMs: 5, strictAuth: true, apiKeys: ["client-test-key"] });
  try {
    return { emu, report: await runNodeDriver("generativelanguage.mts", { emulatorUrl: emu.url, input: { auth } }) };
  } catch (err) {
    await emu.close();
    throw err;
  }
}

describe.each(["apiKey", "bearer"] as const)("with %s credentials", (auth) => {
  let emu: EmulatorHandle;
  let report: any;
  beforeAll(async () => ({ emu, report } = await run(auth)), 120_000);
  afterAll(() => emu?.close());

  test("ModelService.listModels finds the tunable base models", () => {
    expect(report.listBaseModels).toEqual(["models/gemini-1.0-pro-001", "models/gemini-1.5-flash-001-tuning"]);
  });

  test("createTunedModel returns a long-running operation that op.promise() awaits to the ACTIVE model", () => {
    expect(report.create.first).toEqual({ name: expect.stringMatching(/^tunedModels\/node-client\/operations\/[a-z0-9]{12}$/), totalSteps: 2 });
    expect(report.create.done).toBe(true);
    // The operation's response is an Any the client decodes itself: the enum arrives as its number (ACTIVE = 2).
    expect(report.create.model).toEqual({ name: "tunedModels/node-client", state: 2, snapshots: 2 });
    expect(report.second).toBe(2);
  });

  test("getTunedModel, listTunedModels with page size 1 (every page), updateTunedModel", () => {
    expect(report.get).toEqual({ name: "tunedModels/node-client", state: "ACTIVE", displayName: "node client", epochCount: 1 });
    expect(report.listPageSize1).toEqual({
      names: ["tunedModels/node-client", "tunedModels/node-client-2"],
      firstPage: ["tunedModels/node-client"],
      nextPageToken: true,
    });
    expect(report.update).toEqual({ description: "updated by the node client" });
  });

  test("PermissionService: create, update the role, get, list with page size 1, delete", () => {
    expect(report.permissions).toEqual({
      created: { role: "READER", granteeType: "USER" },
      updated: "WRITER",
      got: "WRITER",
      listed: ["USER:OWNER", "USER:WRITER"],
      afterDelete: ["USER:OWNER"],
    });
  });

  test("GenerativeService: generateContent on v1beta and v1, and streamGenerateContent", () => {
    expect(report.generate).toEqual({ text: "4", finishReason: "STOP", role: "model" });
    expect(report.generateV1).toBe("5");
    expect(report.stream).toEqual({ chunks: 1, text: "6" });
  });

  test("the client maps the emulator's errors to NOT_FOUND, ALREADY_EXISTS and INVALID_ARGUMENT", () => {
    expect(report.notFound.error.code).toBe(5);
    expect(report.alreadyExists.error.code).toBe(6);
    expect(report.invalidArgument.error.code).toBe(3);
    expect(report.delete).toEqual({ gone: true, code: 5 });
  });

  test(`every call asked for numeric enums and authenticated with ${auth === "apiKey" ? "the API key" : "a bearer token"}`, () => {
    const requests = emu.control.requests();
    expect(requests.length).toBeGreaterThan(20);
    for (const r of requests) {
      expect(r.route).not.toBe("unknown");
      expect(r.authKind).toBe(auth);
      // The operations client polls without the parameter; every other call sends it.
      if (r.route !== "operations.get") expect(r.query["$alt"]).toBe("json;enum-encoding=int");
    }
    // Given a service-account key, google-auth-library signs its own JWT for gax clients instead of asking
    // the token endpoint; the emulator accepts it on its claims.
    if (auth === "bearer") expect(emu.control.tokenRequests()).toEqual([]);
  });
});

test("in strict mode a wrong API key is INVALID_ARGUMENT and a token never issued is UNAUTHENTICATED", async () => {
  const { emu } = await start({ stepMs: 5, strictAuth: true, apiKeys: ["client-test-key"] });
  try {
    const wrongKey: any = await runNodeDriver("generativelanguage.mts", { emulatorUrl: emu.url, apiKey: "wrong-key" });
    // An unknown API key is 400 API_KEY_INVALID (as Google answers), which the client maps to INVALID_ARGUMENT.
    expect(wrongKey.listBaseModels.error.code).toBe(3);
    expect(wrongKey.get.error.code).toBe(3);
    const badToken: any = await runNodeDriver("generativelanguage.mts", { emulatorUrl: emu.url, input: { auth: "badToken" } });
    expect(badToken.listBaseModels.error.code).toBe(16);
    expect(badToken.create.error.code).toBe(16);
    expect(emu.control.models()).toEqual([]);
  } finally {
    await emu.close();
  }
}, 120_000);
