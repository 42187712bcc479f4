// What a reviewer reads in `pulumi preview` for each kind of change to a TunedModel with a permission on
// it: a display-name change (updated in place, the permission untouched), a hyperparameter change and a
// data change (replacements, each naming the property that forces it). The README quotes these previews;
// each is followed by the up it announced, which must do exactly what it planned.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as gemini from "../../sdk";
import { previewThenUp, type StepTrace } from "../harness";
import { createGeminiStack, PERMISSION_TYPE, plannedOps, type GeminiStack } from "./geminiStack";

jest.setTimeout(180_000);

describe("the preview text of each kind of change", () => {
  let env: GeminiStack;
  let dataDir: string;
  let jsonl: string;
  let settings = { displayName: "capitals", epochCount: 2 };

  const program = () => async () => {
    const model = new gemini.TunedModel("capitals", {
      baseModel: "models/gemini-1.5-flash-001-tuning",
      displayName: settings.displayName,
      hyperparameters: { epochCount: settings.epochCount },
      trainingData: gemini.Dataset.fromJsonl(jsonl, { input: "q", output: "a" }),
    });
    new gemini.TunedModelPermission("analyst", { tunedModel: model.name, granteeType: "USER", emailAddress: "analyst@example.com", role: "READER" });
    return {};
  };
  /** The preview's resource lines and the provider's lines, as a reviewer reads them in CI. */
  const shown = (preview: StepTrace): string[] =>
    preview.outputLines.filter((line) => /gemini:|replaced by|^ {4}[~+-]/.test(line)).map((line) => line.trimEnd());
  const capture = (what: string, preview: StepTrace): string[] => {
    const lines = shown(preview);
    console.log(`preview of ${what}:\n${lines.join("\n")}`);
    return lines;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-preview-text-"));
    jsonl = path.join(dataDir, "capitals.jsonl");
    const pairs = [["France", "Paris"], ["Japan", "Tokyo"], ["Peru", "Lima"], ["Kenya", "Nairobi"]];
    fs.writeFileSync(jsonl, pairs.map(([q, a]) => JSON.stringify({ q, a })).join("\n") + "\n");
    env = await createGeminiStack(program());
    await previewThenUp(env.stack);
  });
  afterAll(async () => {
    await env?.stack.destroy();
    await env?.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("a display-name change: the model is updated in place, the permission is unchanged", async () => {
    settings = { ...settings, displayName: "capitals v2" };
    env.stack.setProgram(program());
    const { preview } = await previewThenUp(env.stack);
    const lines = capture("a display-name change", preview);
    expect(preview.changes).toEqual({ same: 2, update: 1 });
    expect(plannedOps(preview, PERMISSION_TYPE)).toEqual({ analyst: ["same"] });
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/~ +pulumi-nodejs:dynamic\/gemini:TunedModel +capitals +update +\[diff: ~displayName\]$/)]));
    expect(lines.join("\n")).not.toMatch(/replace/);
  });

  it("a hyperparameter change: the model is replaced and the preview names the hyperparameter", async () => {
    settings = { ...settings, epochCount: 3 };
    env.stack.setProgram(program());
    const { preview } = await previewThenUp(env.stack);
    const lines = capture("a hyperparameter change", preview);
    expect(lines.map((line) => line.trim())).toContain("capitals: replaced by a newly trained model because hyperparameters.epochCount changed");
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/\+- +pulumi-nodejs:dynamic\/gemini:TunedModel +capitals +replace +\[diff: ~hyperparameters\]$/)]));
    // The autonamed id follows from the spec: a consequence, never listed as a reason.
    expect(lines.join("\n")).not.toMatch(/tunedModelId/);
    // The new model has a new name, so the permission on it is granted anew.
    expect(plannedOps(preview, PERMISSION_TYPE).analyst).toEqual(expect.arrayContaining(["replace"]));
  });

  it("a data change: the model is replaced and the preview names the training data", async () => {
    fs.appendFileSync(jsonl, JSON.stringify({ q: "Chile", a: "Santiago" }) + "\n");
    const { preview } = await previewThenUp(env.stack);
    const lines = capture("a data change", preview);
    expect(lines.map((line) => line.trim())).toContain("capitals: replaced by a newly trained model because trainingData changed");
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/\+- +pulumi-nodejs:dynamic\/gemini:TunedModel +capitals +replace +\[diff: ~trainingData\]$/)]));
    expect(lines.join("\n")).not.toMatch(/tunedModelId/);
    expect(plannedOps(preview, PERMISSION_TYPE).analyst).toEqual(expect.arrayContaining(["replace"]));
  });
});
