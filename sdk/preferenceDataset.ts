import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { DatasetFileFormat, PreferenceDatasetSpec } from "../provider/dataset";
import { providerImplementation } from "./providerShim";

/** One preference example: a prompt, the completion to prefer and the one to move away from. */
export interface PreferenceExampleArgs {
  /** The user's prompt. */
  prompt: pulumi.Input<string>;
  /** The completion the tuned model should prefer. */
  preferred: pulumi.Input<string>;
  /** The completion it should move away from. */
  dispreferred: pulumi.Input<string>;
}

/** Which keys (JSON, JSONL) or columns (CSV) hold each part of an example. Defaults: the part's own name. */
export interface PreferenceMappingArgs {
  /** Key or column of the prompt. Default `prompt`. */
  prompt?: string;
  /** Key or column of the preferred completion. Default `preferred`. */
  preferred?: string;
  /** Key or column of the dispreferred completion. Default `dispreferred`. */
  dispreferred?: string;
}

/**
 * Training data for preference tuning (`VertexTunedModel` with `method: "preference"`): examples that pair
 * a prompt with a preferred and a dispreferred completion. Convert it with
 * `VertexDataset.preferenceJsonlAsset` and upload it like supervised data.
 */
export class PreferenceDataset {
  /** The dataset as the converter reads it. */
  readonly spec: pulumi.Output<PreferenceDatasetSpec>;

  private constructor(spec: pulumi.Output<PreferenceDatasetSpec>) {
    this.spec = spec;
  }

  /** Examples written in the program. */
  static inline(examples: pulumi.Input<pulumi.Input<PreferenceExampleArgs>[]>): PreferenceDataset {
    return new PreferenceDataset(
      pulumi.output(examples).apply((list) => ({
        kind: "inline" as const,
        examples: list.map((e) => ({ prompt: e.prompt, preferred: e.preferred, dispreferred: e.dispreferred })),
      })),
    );
  }

  /** A JSON Lines file: one object per line, e.g. `{"prompt": "…", "preferred": "…", "dispreferred": "…"}`. */
  static fromJsonl(file: string, mapping?: PreferenceMappingArgs): PreferenceDataset {
    return PreferenceDataset.fromFile(file, "jsonl", mapping);
  }

  /** A CSV file with a header row naming the columns. */
  static fromCsv(file: string, mapping?: PreferenceMappingArgs): PreferenceDataset {
    return PreferenceDataset.fromFile(file, "csv", mapping);
  }

  /** A JSON file: an array of example objects, or `{"examples": [...]}`. */
  static fromJson(file: string, mapping?: PreferenceMappingArgs): PreferenceDataset {
    return PreferenceDataset.fromFile(file, "json", mapping);
  }

  private static fromFile(file: string, format: DatasetFileFormat, mapping: PreferenceMappingArgs = {}): PreferenceDataset {
    const defaults = providerImplementation().datasets.DEFAULT_PREFERENCE_MAPPING;
    return new PreferenceDataset(
      pulumi.output({
        kind: "file" as const,
        path: path.resolve(file),
        format,
        mapping: { prompt: mapping.prompt ?? defaults.prompt, preferred: mapping.preferred ?? defaults.preferred, dispreferred: mapping.dispreferred ?? defaults.dispreferred },
      }),
    );
  }
}
