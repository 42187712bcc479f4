/**
 * The values `VertexDataset` produces. These are pure program-side values (no provider call), so Pulumi's
 * runtime mocks are enough; `BucketObject` is the real `@pulumi/gcp` class, so its output names are checked.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { BucketObject } from "@pulumi/gcp/storage/bucketObject";
import { Dataset, type VertexDatasetArgs } from "../../sdk";
import { VertexDataset } from "../../sdk/vertexDataset";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";

/** What the mocked gcp provider reports for each object, by resource name. */
const objectState: Record<string, Record<string, string>> = {
  plain: { md5hash: "XrY7u+Ae7tCTyyK7j1rNww==", crc32c: "yZRlqg==" },
  encrypted: { md5hash: "", crc32c: "AAAAAA==" },
};

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => ({
        id: `${args.name}-id`,
        state: { ...args.inputs, outputName: args.inputs.name, ...objectState[args.name] },
      }),
      call: (args) => args.inputs,
    },
    "project",
    "stack",
    false,
  );
});

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "vertex-dataset-sdk-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The value of an output (outputs resolve under mocks). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply(resolve));
}

/**
 * The error an output fails with, read through the runtime's own accessors. A failed output's known-ness and
 * secret-ness reject too; a Pulumi program's runner reports those as the program's error, so they are observed
 * here to keep them from ending the test process as unhandled rejections.
 */
async function failureOf(output: pulumi.Output<unknown>): Promise<Error> {
  const facets = output as unknown as { promise(): Promise<unknown>; isKnown: Promise<boolean>; isSecret: Promise<boolean> };
  facets.isKnown.catch(() => undefined);
  facets.isSecret.catch(() => undefined);
  const promise = facets.promise();
  return promise.then(
    () => {
      throw new Error("the output resolved");
    },
    (error: Error) => error,
  );
}

describe("VertexDataset.fromBucketObject", () => {
  it("takes the URI and the MD5 fingerprint from a gcp BucketObject", async () => {
    const object = new BucketObject("plain", { bucket: "training-bucket", name: "data/numbers.jsonl", source: new pulumi.asset.StringAsset("x") });
    const dataset: VertexDatasetArgs = VertexDataset.fromBucketObject(object);
    expect(await valueOf(pulumi.output(dataset.uri))).toBe("gs://training-bucket/data/numbers.jsonl");
    expect(await valueOf(pulumi.output(dataset.fingerprint))).toBe("md5:XrY7u+Ae7tCTyyK7j1rNww==");
  });

  it("falls back to CRC32C when the object has no MD5 (KMS-encrypted)", async () => {
    const object = new BucketObject("encrypted", { bucket: "secure-bucket", name: "train.jsonl", source: new pulumi.asset.StringAsset("x") });
    const dataset = VertexDataset.fromBucketObject(object);
    expect(await valueOf(dataset.uri)).toBe("gs://secure-bucket/train.jsonl");
    expect(await valueOf(dataset.fingerprint)).toBe("crc32c:AAAAAA==");
  });

  it("accepts any object of the same shape, preferring outputName over name", async () => {
    const dataset = VertexDataset.fromBucketObject({
      bucket: pulumi.output("b-1"),
      name: "given",
      outputName: Promise.resolve("computed/name.jsonl"),
      md5hash: pulumi.output("abc=="),
    });
    expect(await valueOf(dataset.uri)).toBe("gs://b-1/computed/name.jsonl");
    expect(await valueOf(dataset.fingerprint)).toBe("md5:abc==");
  });

  it("refuses an object with neither hash, naming it", async () => {
    const error = await failureOf(VertexDataset.fromBucketObject({ bucket: "b-1", name: "x.jsonl" }).fingerprint);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/gs:\/\/b-1\/x\.jsonl has neither md5hash nor crc32c/);
  });
});

describe("VertexDataset.fromUri", () => {
  it("passes a gs:// URI and its fingerprint through", async () => {
    const dataset = VertexDataset.fromUri(pulumi.output("gs://shared-data/v3/train.jsonl"), "generation:1712345678");
    expect(await valueOf(dataset.uri)).toBe("gs://shared-data/v3/train.jsonl");
    expect(await valueOf(dataset.fingerprint)).toBe("generation:1712345678");
  });

  it.each(["https://storage.googleapis.com/b/o.jsonl", "gs://bucket-only", "/local/file.jsonl"])("refuses %s with a clear message", async (uri) => {
    const error = await failureOf(VertexDataset.fromUri(uri, "md5:x").uri);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`VertexDataset.fromUri: "${uri}" is not a Cloud Storage URI; write it as gs://bucket/object.`);
  });

  it("refuses an empty fingerprint", async () => {
    const error = await failureOf(VertexDataset.fromUri("gs://b-1/o", " ").fingerprint);
    expect(error.message).toMatch(/the fingerprint is empty/);
  });
});

describe("VertexDataset.jsonlAsset", () => {
  it("converts a Dataset into a content-addressed Vertex JSONL file asset", async () => {
    const file = join(dir, "numbers.csv");
    writeFileSync(file, "q,a\n" + NUMBER_EXAMPLES.map((e) => `"${e.textInput}","${e.output}"`).join("\n"));
    const cacheDir = join(dir, "cache");
    const fromCsv = await valueOf(VertexDataset.jsonlAsset(Dataset.fromCsv(file, { input: "q", output: "a" }), { cacheDir }));
    const fromInline = await valueOf(VertexDataset.jsonlAsset(Dataset.inline(NUMBER_EXAMPLES), { cacheDir }));
    expect(fromCsv).toBeInstanceOf(pulumi.asset.FileAsset);
    const path = await fromCsv.path;
    expect(await fromInline.path).toBe(path);
    expect(dirname(path)).toBe(cacheDir);
    const bytes = readFileSync(path);
    expect(path).toBe(join(cacheDir, `${createHash("sha256").update(bytes).digest("hex")}.jsonl`));
    expect(bytes.toString("utf8").split("\n")[0]).toBe('{"contents":[{"role":"user","parts":[{"text":"1"}]},{"role":"model","parts":[{"text":"2"}]}]}');
  });

  it("converts examples the Gemini API would refuse as too long (Vertex limits tokens, not characters)", async () => {
    const file = join(dir, "long.jsonl");
    writeFileSync(file, JSON.stringify({ textInput: "x".repeat(45_000), output: "y" }) + "\n");
    const asset = await valueOf(VertexDataset.jsonlAsset(Dataset.fromJsonl(file), { cacheDir: join(dir, "cache") }));
    expect(readFileSync(await asset.path, "utf8")).toContain("x".repeat(45_000));
  });

  it("stops the program with the file and line of a bad dataset, without a stack trace", async () => {
    const file = join(dir, "bad.jsonl");
    writeFileSync(file, '{"textInput":"1","output":"2"}\n{"textInput":"3","output":""}\n');
    const error = await failureOf(VertexDataset.jsonlAsset(Dataset.fromJsonl(file), { cacheDir: join(dir, "cache") }));
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toBe(`VertexDataset.jsonlAsset: ${file}:2: the output text is empty`);
  });

  it("reads a file dataset once for both its fingerprint and its conversion", async () => {
    if (!existsSync("/proc/self/io")) throw new Error("this test counts reads with /proc/self/io: run it on Linux");
    const bytesRead = () => Number(/^rchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"))![1]);
    const file = join(dir, "once.jsonl");
    writeFileSync(file, Array.from({ length: 30_000 }, (_, i) => JSON.stringify({ textInput: `q ${i} ${"wörd ".repeat(40)}`, output: `a ${i}` })).join("\n"));
    const before = bytesRead();
    const dataset = Dataset.fromJsonl(file);
    const asset = await valueOf(VertexDataset.jsonlAsset(dataset, { cacheDir: join(dir, "once-cache") }));
    const spec = await valueOf(dataset.spec);
    const reads = (bytesRead() - before) / statSync(file).size;
    expect(spec).toEqual(expect.objectContaining({ kind: "file", exampleCount: 30_000, fingerprint: expect.stringMatching(/^sha256:/) }));
    expect(readFileSync(await asset.path, "utf8").split("\n")).toHaveLength(30_001);
    expect(reads).toBeGreaterThan(0.9);
    expect(reads).toBeLessThan(1.2);
  });
});
