// Upgrading the package under an existing stack changes nothing the user did not ask for: the state
// the 0.1.0 providers recorded (test/fixtures/state-0.1.0, captured from the released code's create
// against the emulator) goes into this version's check, diff, read and update, and no change is
// proposed or made. The engine-level upgrade (packing the released package) is in test/engine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { configure, datasets, tunedModel, tunedModelPermission, vertexTunedModel } from "../../provider";
import { credentialDir, serviceAccountKey } from "./auth/credentialFiles";

interface Fixture {
  news: Record<string, unknown>;
  checked: Record<string, unknown>;
  id: string;
  outs: Record<string, unknown>;
}

let emulator: EmulatorHandle;
const files = credentialDir();

/** A fixture with the emulator's URL (and any other names given) put back in. */
function fixture(kind: string, names: Record<string, string> = {}): Fixture {
  let text = readFileSync(join(__dirname, "../fixtures/state-0.1.0", `${kind}.json`), "utf8").split("EMULATOR_URL").join(emulator.url);
  for (const [from, to] of Object.entries(names)) text = text.split(from).join(to);
  return JSON.parse(text) as Fixture;
}

function patches(): number {
  return emulator.control.requests().filter((request) => request.method === "PATCH").length;
}

beforeAll(async () => {
  emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: ["upgrade-test-key"] });
  process.env.GOOGLE_APPLICATION_CREDENTIALS = files.write("sa.json", serviceAccountKey(`${emulator.url}/emulator/oauth2/token`));
  const config: Record<string, string> = { "gemini:apiKey": "upgrade-test-key", "gcp:project": "upgrade-project", "gcp:region": "us-central1", "gemini:vertexBaseUrl": emulator.url };
  await configure({ config: { get: (key: string) => config[key] } });
});
afterAll(async () => {
  delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
  files.dispose();
  await emulator.close();
});
beforeEach(() => jest.spyOn(console, "log").mockImplementation(() => undefined));

describe("state recorded by 0.1.0", () => {
  test("TunedModel and TunedModelPermission: same checked inputs and id, no diff, a refresh and an update that change nothing", async () => {
    const model = fixture("tunedModel");
    // For a recorded resource the engine passes its recorded inputs as the olds.
    const { inputs, failures } = await tunedModel.check(model.checked, model.news);
    expect(failures).toEqual([]);
    expect(inputs).toEqual(model.checked);
    const created = await tunedModel.create(inputs);
    expect(created.id).toBe(model.id);
    expect(Object.keys(created.outs).sort()).toEqual(Object.keys(model.outs).sort());

    expect(await tunedModel.diff(model.id, model.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const refreshed = await tunedModel.read(model.id, model.outs);
    expect(refreshed.id).toBe(model.id);
    expect(Object.keys(refreshed.props).sort()).toEqual(Object.keys(model.outs).sort());
    expect((await tunedModel.diff(model.id, refreshed.props, inputs)).changes).toBe(false);
    const updated = await tunedModel.update(model.id, model.outs, inputs);
    expect(Object.keys(updated.outs).sort()).toEqual(Object.keys(model.outs).sort());
    expect(patches()).toBe(0);

    const granted = await tunedModelPermission.create((await tunedModelPermission.check({}, fixture("tunedModelPermission").news)).inputs);
    const permission = fixture("tunedModelPermission", { [fixture("tunedModelPermission").id]: granted.id });
    const checkedPermission = await tunedModelPermission.check({}, permission.news);
    expect(checkedPermission.inputs).toEqual(permission.checked);
    expect(Object.keys(granted.outs).sort()).toEqual(Object.keys(permission.outs).sort());
    expect(await tunedModelPermission.diff(granted.id, permission.outs, checkedPermission.inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    await expect(tunedModelPermission.read(granted.id, permission.outs)).resolves.toEqual({ id: granted.id, props: permission.outs });
  });

  test("TunedModel: the same examples packed by this SDK diff as unchanged against 0.1.0's state, and create trains on them", async () => {
    const model = fixture("tunedModel");
    const given = model.news.trainingData as { kind: string; examples: Array<{ textInput: string; output: string }> };
    const packedNews = { ...model.news, trainingData: { kind: "inline", examples: datasets.packExamples(given.examples) } };
    const { inputs, failures } = await tunedModel.check(model.checked, packedNews);
    expect(failures).toEqual([]);
    expect(typeof (inputs.trainingData as { examples: unknown }).examples).toBe("string");
    expect({ ...inputs, trainingData: undefined }).toEqual({ ...model.checked, trainingData: undefined });
    expect(await tunedModel.diff(model.id, model.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });

    const created = await tunedModel.create({ ...inputs, tunedModelId: "packed-upgrade-check" });
    const trained = emulator.control.models().find((m) => m.model.name === "tunedModels/packed-upgrade-check");
    expect(trained?.exampleCount).toBe(given.examples.length);
    // Outputs keep only the fingerprint and count, as 0.1.0's did.
    expect(created.outs.trainingData).toEqual(model.outs.trainingData);
    await tunedModel.delete(created.id, created.outs);
  });

  test("VertexTunedModel: same checked inputs, no diff, a refresh and an update that change nothing", async () => {
    const released = fixture("vertexTunedModel");
    const { inputs, failures } = await vertexTunedModel.check({}, released.news);
    expect(failures).toEqual([]);
    expect(inputs).toEqual(released.checked);
    const created = await vertexTunedModel.create(inputs);
    expect(Object.keys(created.outs).sort()).toEqual(Object.keys(released.outs).sort());
    // Vertex picks job, model and endpoint ids: the recorded state names this run's.
    const job = fixture("vertexTunedModel", {
      [String(released.outs.name)]: created.id,
      [String(released.outs.model)]: String(created.outs.model),
      [String(released.outs.endpoint)]: String(created.outs.endpoint),
    });

    expect(await vertexTunedModel.diff(created.id, job.outs, inputs)).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false });
    const refreshed = await vertexTunedModel.read(created.id, job.outs);
    expect(refreshed.id).toBe(created.id);
    expect(Object.keys(refreshed.props).sort()).toEqual(Object.keys(job.outs).sort());
    expect((await vertexTunedModel.diff(created.id, refreshed.props, inputs)).changes).toBe(false);
    emulator.control.clearRequests();
    const updated = await vertexTunedModel.update(created.id, job.outs, inputs);
    expect(Object.keys(updated.outs).sort()).toEqual(Object.keys(job.outs).sort());
    expect(patches()).toBe(0);
  });
});
