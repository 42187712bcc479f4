// Upgrading the package under an existing stack, as a user does it. A user project in a temp folder gets
// release 0.1.0 from its tarball (built from the release commit and packed, see releaseTarball.ts) and
// `@pulumi/pulumi` from npm, and deploys a TunedModel trained on a JSONL file, a permission on it and a
// VertexTunedModel against one emulator. Then `npm install` of this working tree's packed package
// upgrades the project, and the same stack must see no change in preview and refresh, update a display
// name in place, and destroy everything.
//
// Each engine command runs in its own Node process started in the project folder (projectDriver.ts), not
// in jest: there `@pulumi/pulumi`, the program's SDK and the dynamic-provider host resolve to what npm
// installed in the project, one `@pulumi/pulumi` instance for the Automation API and the program, and
// jest's module registry (which maps the package name to the sources) plays no part.
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { previewThenUp, ProjectStack, releaseTarball, repoRoot, UserProject, workingTreeTarball, type Release, type StateResource } from "../harness";
import { serviceAccountKey } from "../provider/auth/credentialFiles";
import { mutatingRequests, operationOf, PERMISSION_TYPE, plannedOps, TUNED_MODEL_TYPE } from "./geminiStack";
import { DATA_BUCKET, VERTEX_MODEL_TYPE, VERTEX_STACK_PROJECT, VERTEX_STACK_REGION, writeVertexDataset } from "./vertexStack";

jest.setTimeout(240_000);

/** The release users have installed: the commit 0.1.0 was cut from. */
const RELEASE: Release = { version: "0.1.0", commit: "06ab214" };
const PACKAGE = "pulumi-gemini-tuning";
const PRODUCT_TYPES = [TUNED_MODEL_TYPE, PERMISSION_TYPE, VERTEX_MODEL_TYPE];
const CAPITALS: ReadonlyArray<readonly [string, string]> = [
  ["France", "Paris"],
  ["Japan", "Tokyo"],
  ["Peru", "Lima"],
  ["Kenya", "Nairobi"],
];

/** The `@pulumi/pulumi` version this repository pins, which the engine is built at too. */
function pinnedPulumiVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
  return manifest.devDependencies["@pulumi/pulumi"];
}

describe(`upgrading a stack from release ${RELEASE.version} (${RELEASE.commit}) to this working tree's package`, () => {
  const apiKey = `test-${randomBytes(16).toString("hex")}`;
  let scratch: string;
  let releasePackage: string;
  let currentPackage: string;
  let emulator: EmulatorHandle;
  let project: UserProject;
  let stack: ProjectStack;
  let deployed: StateResource[];

  const productResources = async (): Promise<StateResource[]> =>
    (await stack.stateResources()).filter((resource) => PRODUCT_TYPES.includes(resource.type));
  /** What refresh and update must keep, per resource, in a fixed order (state lists them in completion order). */
  const recorded = (resources: readonly StateResource[], keep: { outputs: boolean }) =>
    [...resources]
      .sort((a, b) => a.urn.localeCompare(b.urn))
      .map(({ urn, id, outputs }) => (keep.outputs ? { urn, id, outputs } : { urn, id }));
  const named = (resources: readonly StateResource[], name: string): StateResource | undefined =>
    resources.find((resource) => resource.urn.endsWith(`::${name}`));
  const geminiModelId = (): string => String(named(deployed, "capitals")?.id);
  const vertexModelName = (): string => String(named(deployed, "vertex-capitals")?.outputs?.model);
  const permissionsOf = async (model: string): Promise<Array<{ emailAddress?: string; role?: string }>> => {
    const response = await fetch(`${emulator.url}/v1beta/${model}/permissions`, { headers: { "x-goog-api-key": apiKey } });
    return ((await response.json()) as { permissions?: Array<{ emailAddress?: string; role?: string }> }).permissions ?? [];
  };

  beforeAll(async () => {
    releasePackage = await releaseTarball(RELEASE, (message) => console.log(message));
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-upgrade-"));
    const bucket = path.join(scratch, "bucket");
    fs.mkdirSync(bucket);
    currentPackage = await workingTreeTarball(scratch);
    emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: [apiKey], vertex: { gcsBuckets: { [DATA_BUCKET]: bucket } } });
    const keyFile = path.join(scratch, "service-account.json");
    fs.writeFileSync(keyFile, JSON.stringify(serviceAccountKey(`${emulator.url}/emulator/oauth2/token`)), { mode: 0o600 });
    const vertexDataset = writeVertexDataset(bucket, "capitals.jsonl", CAPITALS);

    project = await UserProject.create({
      dependencies: { "@pulumi/pulumi": pinnedPulumiVersion(), [PACKAGE]: `file:${releasePackage}` },
      program: path.join(__dirname, "upgradeProgram.ts"),
      files: { "data/capitals.jsonl": CAPITALS.map(([q, a]) => `${JSON.stringify({ q, a })}\n`).join("") },
    });
    stack = new ProjectStack(project, {
      config: {
        "gemini:baseUrl": emulator.url,
        "gemini:vertexBaseUrl": emulator.url,
        "gcp:project": VERTEX_STACK_PROJECT,
        "gcp:region": VERTEX_STACK_REGION,
        "pgt-user-project:geminiDisplayName": "capitals",
        "pgt-user-project:vertexDisplayName": "vertex capitals",
        "pgt-user-project:vertexDatasetUri": vertexDataset.uri,
        "pgt-user-project:vertexDatasetFingerprint": vertexDataset.fingerprint,
      },
      secrets: { "gemini:apiKey": apiKey },
      envVars: { GOOGLE_APPLICATION_CREDENTIALS: keyFile },
    });
  }, 15 * 60_000);

  afterAll(async () => {
    project?.dispose();
    await emulator?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it(`1. with ${RELEASE.version} installed from its tarball, up creates a tuned model, its permission and a Vertex tuned model`, async () => {
    expect(project.installed(PACKAGE)).toEqual({ version: RELEASE.version, resolved: releasePackage });

    const up = await stack.up();
    expect(up.changes).toEqual({ create: 4 });
    // The program's SDK and the Automation API that ran it share the project's one @pulumi/pulumi.
    const modules = path.join(project.dir, "node_modules");
    expect(stack.lastResolved?.sdk).toBe(path.join(modules, PACKAGE, "dist", "sdk", "index.js"));
    expect(stack.lastResolved?.sdkPulumi).toBe(stack.lastResolved?.pulumi);
    expect(stack.lastResolved?.pulumi.startsWith(path.join(modules, "@pulumi", "pulumi") + path.sep)).toBe(true);

    deployed = await productResources();
    expect(deployed.map((resource) => resource.type).sort()).toEqual([...PRODUCT_TYPES].sort());
    expect(named(deployed, "capitals")?.outputs).toEqual(expect.objectContaining({ state: "ACTIVE", displayName: "capitals", exampleCount: 4 }));
    expect(emulator.control.counters().modelsByState).toEqual(expect.objectContaining({ ACTIVE: 1 }));
    expect(await permissionsOf(geminiModelId())).toEqual(
      expect.arrayContaining([expect.objectContaining({ emailAddress: "analyst@example.com", role: "READER" })]),
    );
    const [job] = emulator.control.vertexJobs();
    expect(job.job.state).toBe("JOB_STATE_SUCCEEDED");
    // The job names the model version it produced (`…/models/N@1`); the model resource is `…/models/N`.
    expect(vertexModelName()).toBe(`${job.model?.name}@1`);
    expect(job.endpoint).toBeDefined();
  });

  it("2. npm install of the working tree's tarball upgrades the project's package", async () => {
    await project.install(currentPackage);
    expect(project.installed(PACKAGE).resolved).toBe(currentPackage);
    for (const file of ["dist/provider/index.js", "dist/sdk/index.js"]) {
      expect(fs.readFileSync(path.join(project.dir, "node_modules", PACKAGE, file), "utf8")).toBe(fs.readFileSync(path.join(repoRoot, file), "utf8"));
    }
  });

  it("3. preview with the new package plans no change and sends nothing that changes anything", async () => {
    emulator.control.clearRequests();
    const preview = await stack.preview();
    expect(stack.lastResolved?.sdk).toBe(path.join(project.dir, "node_modules", PACKAGE, "dist", "sdk", "index.js"));
    expect(preview.changes).toEqual({ same: 4 });
    expect(plannedOps(preview)).toEqual({ capitals: ["same"] });
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ "vertex-capitals": ["same"] });
    expect(mutatingRequests(emulator)).toEqual([]);
  });

  it("4. refresh with the new package reads every resource back as it was recorded", async () => {
    emulator.control.clearRequests();
    const refresh = await stack.refresh();
    expect(refresh.changes).toEqual({ same: 4 });
    expect(mutatingRequests(emulator)).toEqual([]);
    const refreshed = await productResources();
    expect(recorded(refreshed, { outputs: true })).toEqual(recorded(deployed, { outputs: true }));
  });

  it("5. a display-name change of both models is an in-place update of the same models, without training", async () => {
    stack.setConfig("pgt-user-project:geminiDisplayName", "capitals v2");
    stack.setConfig("pgt-user-project:vertexDisplayName", "vertex capitals v2");
    let jobs = { gemini: 0, vertex: 0 };
    const { preview, up } = await previewThenUp(stack, {
      beforeUp: () => {
        emulator.control.clearRequests();
        jobs = { gemini: emulator.control.jobsCreated(), vertex: emulator.control.vertexJobsCreated() };
      },
    });
    expect(plannedOps(preview)).toEqual({ capitals: ["update"] });
    expect(plannedOps(preview, VERTEX_MODEL_TYPE)).toEqual({ "vertex-capitals": ["update"] });
    // The permission's `tunedModel` is the model's name, known in the preview of the model's in-place update.
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    expect(preview.changes).toEqual({ same: 2, update: 2 });
    expect(operationOf(preview, "capitals", "update")?.changedInputs).toEqual(["displayName"]);
    expect(operationOf(preview, "vertex-capitals", "update")?.changedInputs).toEqual(["tunedModelDisplayName"]);
    // The Vertex names are known in that preview: check found the job 0.1.0 submitted by its creation label.
    const previewedOutputs = preview.operations.filter((o) => o.phase === "outputs" && o.type === "pulumi:pulumi:Stack").at(-1)?.metadata.new?.outputs;
    expect(previewedOutputs).toEqual(
      expect.objectContaining({ vertexModelName: vertexModelName(), vertexEndpoint: named(deployed, "vertex-capitals")?.outputs?.endpoint, geminiModel: geminiModelId() }),
    );

    expect(up.changes).toEqual({ same: 2, update: 2 });
    expect(plannedOps(up, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    const patches = mutatingRequests(emulator).map((request) => `${request.method} ${request.path}`).sort();
    expect(patches).toEqual([`PATCH /v1/${vertexModelName()}`, `PATCH /v1beta/${geminiModelId()}`]);
    expect(emulator.control.requests().filter((request) => request.method === "PATCH").map((request) => request.updateMask)).toEqual([
      ["displayName"],
      ["displayName"],
    ]);
    expect({ gemini: emulator.control.jobsCreated(), vertex: emulator.control.vertexJobsCreated() }).toEqual(jobs);

    const updated = await productResources();
    expect(recorded(updated, { outputs: false })).toEqual(recorded(deployed, { outputs: false }));
    expect(named(updated, "vertex-capitals")?.outputs?.model).toBe(vertexModelName());
    expect(emulator.control.models().map((m) => m.model.displayName)).toEqual(["capitals v2"]);
    expect(emulator.control.vertexJobs().map((j) => j.model?.displayName)).toEqual(["vertex capitals v2"]);
  });

  it("6. destroy leaves the emulator with no tuned model, Vertex model, endpoint or running job", async () => {
    const destroy = await stack.destroy();
    expect(destroy.changes).toEqual({ delete: 4 });
    expect(await productResources()).toEqual([]);
    expect(emulator.control.models()).toEqual([]);
    const jobs = emulator.control.vertexJobs();
    expect(jobs.filter((j) => j.model !== undefined || j.endpoint !== undefined)).toEqual([]);
    expect(jobs.map((j) => j.job.state)).toEqual(["JOB_STATE_SUCCEEDED"]);
  });
});
