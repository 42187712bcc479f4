import { scanDatasetFile, type TuningExample } from "../../dataset";
import type { CheckedEvaluation } from "./settings";

/**
 * The prompts and expected answers of an evaluation. A file is read again here (the program read it to
 * fingerprint it) and refused when it changed in between, as training data is: the gate must judge the
 * data the preview showed.
 */
export async function evaluationExamples(dataset: CheckedEvaluation["dataset"]): Promise<TuningExample[]> {
  if (dataset.kind === "inline") return dataset.examples;
  const scanned = await scanDatasetFile(dataset, { collect: true });
  if (scanned.fingerprint !== dataset.fingerprint) {
    throw new Error(
      `evaluation dataset file ${dataset.path} changed since the program read it (fingerprint ${dataset.fingerprint} -> ${scanned.fingerprint}); ` +
        "run `pulumi preview` again, then `pulumi up`",
    );
  }
  return scanned.examples ?? [];
}
