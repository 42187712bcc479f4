import * as pulumi from "@pulumi/pulumi";
import type { Dataset } from "./dataset";
import type { PreferenceDataset } from "./preferenceDataset";
import { providerImplementation } from "./providerShim";

/**
 * A Cloud Storage object as `@pulumi/gcp`'s `storage.BucketObject` exposes it. Typed by shape, not by
 * importing `@pulumi/gcp`, so this package works for programs that upload their data some other way.
 */
export interface BucketObjectLike {
  /** Name of the bucket holding the object. */
  bucket: pulumi.Input<string>;
  /** Name of the object. */
  name: pulumi.Input<string>;
  /** The object's name as computed by the provider (preferred over `name` when set). */
  outputName?: pulumi.Input<string | undefined>;
  /** Base64 MD5 of the content; empty for objects encrypted with a customer-managed key. */
  md5hash?: pulumi.Input<string | undefined>;
  /** Base64 CRC32C of the content; present on every object. */
  crc32c?: pulumi.Input<string | undefined>;
}

/** Where a Vertex dataset is and what it holds: the value of `trainingDataset` and `validationDataset`. */
export interface VertexDatasetReference {
  /** `gs://bucket/object`. */
  uri: pulumi.Output<string>;
  /** Content hash, `md5:<base64>` or `crc32c:<base64>`: new data at the same URI is a visible change. */
  fingerprint: pulumi.Output<string>;
}

/** Options of {@link VertexDataset.jsonlAsset}. */
export interface VertexJsonlAssetOptions {
  /**
   * Directory for the converted file (relative to the program's directory). Default: a folder under the
   * system's temporary directory. Point it inside the project when `pulumi up` runs on machines with
   * different temporary directories, so the asset's path is the same everywhere.
   */
  cacheDir?: string;
}

// The same shape the provider checks (bucket, slash, object); the provider's check is the strict one.
const GCS_URI = /^gs:\/\/[^/\s]+\/.+$/;

/**
 * Training and validation data for a `VertexTunedModel`, which reads its datasets from Cloud Storage:
 *
 * ```ts
 * const object = new gcp.storage.BucketObject("train", {
 *   bucket: bucket.name,
 *   name: "numbers.jsonl",
 *   source: gemini.VertexDataset.jsonlAsset(gemini.Dataset.fromCsv("data/numbers.csv")),
 * });
 * new gemini.VertexTunedModel("numbers", {
 *   baseModel: "gemini-2.5-flash",
 *   trainingDataset: gemini.VertexDataset.fromBucketObject(object),
 * });
 * ```
 */
export class VertexDataset {
  private constructor() {
    // Only static helpers: the values they return are plain `{ uri, fingerprint }` inputs.
  }

  /**
   * The dataset stored in a `gcp.storage.BucketObject`: its `gs://` URI and a fingerprint from the object's
   * MD5 (falling back to CRC32C, as KMS-encrypted objects have no MD5), so that uploading new content
   * under the same name trains a new model.
   */
  static fromBucketObject(object: BucketObjectLike): VertexDatasetReference {
    const name = pulumi.all([object.outputName, object.name]).apply(([outputName, given]) => outputName || given);
    return {
      uri: pulumi.interpolate`gs://${object.bucket}/${name}`,
      fingerprint: pulumi.all([object.md5hash, object.crc32c, object.bucket, name]).apply(([md5, crc32c, bucket, objectName]) => {
        if (md5) return `md5:${md5}`;
        if (crc32c) return `crc32c:${crc32c}`;
        throw new pulumi.RunError(
          `VertexDataset.fromBucketObject: gs://${bucket}/${objectName} has neither md5hash nor crc32c; ` +
            "pass a gcp.storage.BucketObject, or use VertexDataset.fromUri(uri, fingerprint) with a hash of the content.",
        );
      }),
    };
  }

  /**
   * A dataset uploaded outside this program. `fingerprint` must change whenever the content does (for example
   * `md5:` + the object's MD5, or a version or generation number); `uri` must be `gs://bucket/object`.
   */
  static fromUri(uri: pulumi.Input<string>, fingerprint: pulumi.Input<string>): VertexDatasetReference {
    return {
      uri: pulumi.output(uri).apply((value) => {
        if (!GCS_URI.test(value)) {
          throw new pulumi.RunError(`VertexDataset.fromUri: "${value}" is not a Cloud Storage URI; write it as gs://bucket/object.`);
        }
        return value;
      }),
      fingerprint: pulumi.output(fingerprint).apply((value) => {
        if (typeof value !== "string" || value.trim() === "") {
          throw new pulumi.RunError("VertexDataset.fromUri: the fingerprint is empty; pass a hash or version of the object's content.");
        }
        return value;
      }),
    };
  }

  /**
   * A dataset converted to Vertex AI tuning JSONL, as a file asset for the `source` of a
   * `gcp.storage.BucketObject`. The file is named by the hash of its content, so unchanged data is no diff
   * and changed data is a new upload. A bad dataset stops the program with the file, line and reason.
   * A file dataset is converted in the same read that computes its fingerprint, and not at all when the
   * cache directory already holds its conversion (recorded, and untouched since).
   */
  static jsonlAsset(dataset: Dataset, options: VertexJsonlAssetOptions = {}): pulumi.Output<pulumi.asset.FileAsset> {
    // Asked for now, so that a file dataset is converted in the same read as its fingerprint.
    const fromFile = dataset.vertexJsonlOfFile(options.cacheDir);
    // Awaited below; this keeps a failure from being reported as unhandled should the output never be read.
    fromFile?.catch(() => undefined);
    return dataset.spec.apply(async (spec) => {
      const { datasets } = providerImplementation();
      try {
        const file = await (fromFile ?? datasets.writeVertexJsonl(spec, { cacheDir: options.cacheDir }));
        return new pulumi.asset.FileAsset(file.path);
      } catch (error) {
        // A RunError is reported by its message alone: the user needs the file and line, not our stack.
        if (error instanceof datasets.DatasetError) throw new pulumi.RunError(`VertexDataset.jsonlAsset: ${error.message}`);
        throw error;
      }
    });
  }

  /**
   * A preference dataset converted to the JSONL Vertex AI's preference tuning reads (a prompt and two
   * completions scored 1 and 0 per line), as a file asset for a `gcp.storage.BucketObject`'s `source`;
   * named by its content like {@link VertexDataset.jsonlAsset}. A bad example stops the program with the
   * file, line and reason.
   */
  static preferenceJsonlAsset(dataset: PreferenceDataset, options: VertexJsonlAssetOptions = {}): pulumi.Output<pulumi.asset.FileAsset> {
    return dataset.spec.apply(async (spec) => {
      const { datasets } = providerImplementation();
      try {
        const file = await datasets.writePreferenceJsonl(spec, { cacheDir: options.cacheDir });
        return new pulumi.asset.FileAsset(file.path);
      } catch (error) {
        if (error instanceof datasets.DatasetError) throw new pulumi.RunError(`VertexDataset.preferenceJsonlAsset: ${error.message}`);
        throw error;
      }
    });
  }
}
