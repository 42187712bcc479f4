import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import { vertexApiFor } from "../../provider/vertex/clientFor";
import type { VertexApi } from "../../provider/vertex/api";
import { createTestStack, type TestStack } from "../harness";
import { serviceAccountKey } from "../provider/auth/credentialFiles";

/** Type token of `VertexTunedModel` as the engine reports it. */
export const VERTEX_MODEL_TYPE = "pulumi-nodejs:dynamic/gemini:VertexTunedModel";
/** Project and region in the stack's `gcp:project` / `gcp:region`. */
export const VERTEX_STACK_PROJECT = "pulumi-tests";
/** See {@link VERTEX_STACK_PROJECT}. */
export const VERTEX_STACK_REGION = "europe-west4";
/** The bucket mapped to the stack's data directory: its objects are what the emulator reads. */
export const DATA_BUCKET = "tuning-data";

/** A stack whose provider reaches a Vertex emulator with Application Default Credentials. */
export interface VertexStack {
  /** The stack on the real engine. */
  stack: TestStack;
  /** The emulator (strict auth: only tokens from its own token endpoint pass). */
  emulator: EmulatorHandle;
  /** A directory served as `gs://tuning-data/`. */
  dataDir: string;
  /** The service-account key file in the provider's `GOOGLE_APPLICATION_CREDENTIALS`. */
  keyFile: string;
  /** A Vertex client of the test's own, for changes made outside Pulumi. */
  outOfBand: VertexApi;
  /** Writes a Vertex JSONL dataset into the bucket; returns its URI and GCS-style MD5 fingerprint. */
  writeDataset(object: string, pairs: ReadonlyArray<readonly [string, string]>): { uri: string; fingerprint: string };
  /** Removes the stack's folders, the data and the key file; stops the emulator. */
  dispose(): Promise<void>;
}

/**
 * Starts an emulator and a throwaway stack set up as a Vertex user's would be: `gcp:project`, `gcp:region`
 * and `gemini:vertexBaseUrl` in stack config, and a service-account key file in
 * `GOOGLE_APPLICATION_CREDENTIALS` (its token endpoint is the emulator's). A local directory stands in for
 * the Cloud Storage bucket holding the datasets.
 */
export async function createVertexStack(program: PulumiFn, options: { stepMs?: number } = {}): Promise<VertexStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pgt-vertex-"));
  const emulator = await startEmulator({
    stepMs: options.stepMs ?? 10,
    strictAuth: true,
    apiKeys: ["unused-key-000000"],
    vertex: { gcsBuckets: { [DATA_BUCKET]: dataDir } },
  });
  const keyFile = path.join(dataDir, ".service-account.json");
  fs.writeFileSync(keyFile, JSON.stringify(serviceAccountKey(`${emulator.url}/emulator/oauth2/token`)), { mode: 0o600 });
  // The test's own client reads ADC from this process's environment.
  const savedCredentials = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
  const restore = () => {
    if (savedCredentials === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    else process.env.GOOGLE_APPLICATION_CREDENTIALS = savedCredentials;
  };
  try {
    const stack = await createTestStack({
      program,
      config: { "gcp:project": VERTEX_STACK_PROJECT, "gcp:region": VERTEX_STACK_REGION, "gemini:vertexBaseUrl": emulator.url },
      envVars: { GOOGLE_APPLICATION_CREDENTIALS: keyFile },
    });
    return {
      stack,
      emulator,
      dataDir,
      keyFile,
      outOfBand: vertexApiFor({ baseUrl: emulator.url, project: VERTEX_STACK_PROJECT, location: VERTEX_STACK_REGION }),
      writeDataset: (object, pairs) => writeVertexDataset(dataDir, object, pairs),
      async dispose() {
        await stack.dispose();
        await emulator.close();
        restore();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await emulator.close();
    restore();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Writes a Vertex JSONL dataset of input/output pairs into `dataDir`, the folder the emulator serves as
 * `gs://tuning-data/` ({@link DATA_BUCKET}); returns its URI and GCS-style MD5 fingerprint.
 */
export function writeVertexDataset(dataDir: string, object: string, pairs: ReadonlyArray<readonly [string, string]>): { uri: string; fingerprint: string } {
  const text = pairs
    .map(([input, output]) => JSON.stringify({ contents: [{ role: "user", parts: [{ text: input }] }, { role: "model", parts: [{ text: output }] }] }))
    .join("\n");
  fs.writeFileSync(path.join(dataDir, object), `${text}\n`);
  return { uri: `gs://${DATA_BUCKET}/${object}`, fingerprint: `md5:${createHash("md5").update(`${text}\n`).digest("base64")}` };
}

/**
 * Removes a tuned model the way someone in the console would: undeploy it from every endpoint serving it
 * (the job's and each checkpoint's), delete those endpoints, delete the model.
 */
export async function deleteOutOfBand(api: VertexApi, model: string, endpoints: readonly string[]): Promise<void> {
  for (const endpoint of new Set(endpoints)) {
    const found = await api.getEndpoint(endpoint);
    for (const deployed of found?.deployedModels ?? []) {
      if (deployed.id !== undefined) await api.undeployModel(endpoint, deployed.id);
    }
    await api.deleteEndpoint(endpoint);
  }
  await api.deleteModel(model);
}
