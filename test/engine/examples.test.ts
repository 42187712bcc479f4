// The runnable examples, as a user would run them against the emulator. `with-gcp` and `vertex` also create
// Google Cloud resources through @pulumi/gcp, whose provider plugin cannot be installed here, so they are
// only type-checked: tsconfig.json includes every `examples/*/*.ts`, and `npm run typecheck` checks them.
import * as fs from "node:fs";
import * as path from "node:path";
import { previewThenUp } from "../harness";
import { createGeminiStack, PERMISSION_TYPE, TUNED_MODEL_TYPE } from "./geminiStack";
import { exampleProgram } from "./exampleProgram";

jest.setTimeout(180_000);

describe.each([
  ["number-generator", { models: 1, permissions: 0, examples: 15 }],
  ["jsonl-dataset", { models: 1, permissions: 0, examples: 20 }],
  ["gitops", { models: 1, permissions: 1, examples: 20 }],
])("examples/%s", (example, expected) => {
  it("deploys against the emulator, changes nothing on a second up, and destroys", async () => {
    const env = await createGeminiStack(exampleProgram(example));
    try {
      const { up } = await previewThenUp(env.stack);
      const resources = await env.stack.stateResources();
      expect(resources.filter((r) => r.type === TUNED_MODEL_TYPE)).toHaveLength(expected.models);
      expect(resources.filter((r) => r.type === PERMISSION_TYPE)).toHaveLength(expected.permissions);
      expect(env.emulator.control.counters().modelsByState.ACTIVE).toBe(expected.models);
      const model = resources.find((r) => r.type === TUNED_MODEL_TYPE);
      expect(model?.outputs).toEqual(expect.objectContaining({ state: "ACTIVE", exampleCount: expected.examples }));
      expect(up.result.outputs.modelName?.value).toBe(model?.id);

      expect((await previewThenUp(env.stack)).up.changes).toEqual({ same: 1 + expected.models + expected.permissions });
      await env.stack.destroy();
      expect(env.emulator.control.models()).toEqual([]);
    } finally {
      await env.dispose();
    }
  });
});

it("every example is a complete Pulumi project", () => {
  const root = path.join(__dirname, "..", "..", "examples");
  for (const example of fs.readdirSync(root)) {
    for (const file of ["Pulumi.yaml", "package.json", "tsconfig.json", "index.ts"]) {
      expect(fs.existsSync(path.join(root, example, file))).toBe(true);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(root, example, "package.json"), "utf8"));
    expect(manifest.dependencies["pulumi-gemini-tuning"]).toBe("file:../..");
  }
});
