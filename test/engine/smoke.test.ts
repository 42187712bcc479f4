// Smoke test of the engine foundation: a trivial dynamic resource through preview, up, no-op up,
// update and destroy on the real Pulumi engine. It also proves that Pulumi can serialize a provider
// defined in a ts-jest test file and that the plugin host can load it back.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { createTestStack, repoRoot, type ResourceOperation, type StepResult, type TestStack } from "../harness";

/** A note is a file the provider writes, so the test can see real side effects (or their absence). */
interface NoteInputs {
  directory: string;
  fileName: string;
  text: string;
}

// Pulumi serializes this object into state: its methods may use only their arguments and require(),
// never anything else from this module. `packageJson` records where the provider process finds this
// package, as the product's provider shim will `require("pulumi-gemini-tuning/provider")` there.
const noteProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: NoteInputs) {
    const file = require("node:path").join(inputs.directory, inputs.fileName);
    require("node:fs").writeFileSync(file, inputs.text);
    return { id: file, outs: { ...inputs, packageJson: require.resolve("pulumi-gemini-tuning/package.json") } };
  },
  async diff(_id: string, olds: NoteInputs, news: NoteInputs) {
    const diffs = ["directory", "fileName", "text"].filter((key) => olds[key as keyof NoteInputs] !== news[key as keyof NoteInputs]);
    return { changes: diffs.length > 0, diffs, replaces: diffs.filter((key) => key !== "text") };
  },
  async update(id: string, _olds: NoteInputs, news: NoteInputs) {
    require("node:fs").writeFileSync(id, news.text);
    return { outs: { ...news, packageJson: require.resolve("pulumi-gemini-tuning/package.json") } };
  },
  async delete(id: string) {
    require("node:fs").rmSync(id, { force: true });
  },
};

class Note extends pulumi.dynamic.Resource {
  declare readonly text: pulumi.Output<string>;
  declare readonly packageJson: pulumi.Output<string>;

  constructor(name: string, args: NoteInputs) {
    super(noteProvider, name, { ...args, packageJson: undefined });
  }
}

const dynamicType = "pulumi-nodejs:dynamic:Resource";

function noteOps(step: StepResult<unknown>): ResourceOperation["op"][] {
  return step.operations.filter((op) => op.phase === "pre" && op.type === dynamicType).map((op) => op.op);
}

describe("the real engine drives a dynamic provider defined in a test", () => {
  let directory: string;
  let stack: TestStack;
  const noteFile = (): string => path.join(directory, "note.txt");
  const program = (text: string) => async () => {
    const note = new Note("note", { directory, fileName: "note.txt", text });
    return { text: note.text, packageJson: note.packageJson };
  };

  beforeAll(async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-smoke-"));
    stack = await createTestStack({ program: program("hello") });
  });

  afterAll(async () => {
    await stack?.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("preview reports one create and creates nothing", async () => {
    const preview = await stack.preview();

    expect(noteOps(preview)).toEqual(["create"]);
    expect(preview.changes).toEqual({ create: 2 }); // the note and the stack itself
    expect(fs.existsSync(noteFile())).toBe(false);
    expect((await stack.stateResources()).filter((r) => r.type === dynamicType)).toEqual([]);
  });

  it("up creates it", async () => {
    const up = await stack.up();

    expect(noteOps(up)).toEqual(["create"]);
    expect(up.changes).toEqual({ create: 2 });
    expect(up.outputLines.join("\n")).toMatch(/\+ 2 created/);
    expect(fs.readFileSync(noteFile(), "utf8")).toBe("hello");
    expect(up.result.outputs.text?.value).toBe("hello");
    expect(up.result.outputs.packageJson?.value).toBe(path.join(repoRoot, "package.json"));
    const notes = (await stack.stateResources()).filter((r) => r.type === dynamicType);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.id).toBe(noteFile());
  });

  it("a second up reports no changes", async () => {
    const up = await stack.up();

    expect(noteOps(up)).toEqual(["same"]);
    expect(up.changes).toEqual({ same: 2 });
  });

  it("a changed input gives an in-place update naming the property", async () => {
    stack.setProgram(program("goodbye"));
    const up = await stack.up();

    expect(noteOps(up)).toEqual(["update"]);
    const update = up.operations.find((op) => op.phase === "pre" && op.op === "update");
    expect(update?.changedInputs).toEqual(["text"]);
    expect(update?.replaces).toEqual([]);
    expect(up.outputLines.join("\n")).toMatch(/note updated .*\[diff: ~text\]/);
    expect(up.changes).toEqual({ same: 1, update: 1 });
    expect(fs.readFileSync(noteFile(), "utf8")).toBe("goodbye");
  });

  it("destroy removes it and the exported state no longer holds it", async () => {
    const destroy = await stack.destroy();

    expect(noteOps(destroy)).toEqual(["delete"]);
    expect(destroy.changes).toEqual({ delete: 2 });
    expect(fs.existsSync(noteFile())).toBe(false);
    expect((await stack.stateResources()).filter((r) => r.type === dynamicType)).toEqual([]);
  });
});
