/**
 * Round trip of a converted dataset through the emulator's Vertex AI routes: the directory the JSONL was
 * written to is served as a Cloud Storage bucket, and a tuning job naming `gs://bucket/<file>` must read
 * every example (the emulator parses Vertex JSONL independently of the provider's writer).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { EmulatorHandle } from "../../../emulator";
import { writeVertexJsonl } from "../../../provider/dataset";
import { start, type Api } from "../../emulator/helpers";
import { createJob, jobBody, v1, waitForJob } from "../../emulator/vertexHelpers";

let dir: string;
let emu: EmulatorHandle;
let api: Api;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vertex-roundtrip-"));
  ({ emu, api } = await start({ stepMs: 2, vertex: { gcsBuckets: { "tuning-data": join(dir, "cache") } } }));
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

test("a CSV converted to Vertex JSONL is read in full by a tuning job, which then answers from it", async () => {
  const rows = Array.from({ length: 40 }, (_, i) => `"what follows ${i}?","${i + 1}, then ""${i + 2}"""`);
  const csv = join(dir, "numbers.csv");
  writeFileSync(csv, `question,answer\n${rows.join("\n")}\n`);
  const written = await writeVertexJsonl(
    { kind: "file", path: csv, format: "csv", mapping: { input: "question", output: "answer" } },
    { cacheDir: join(dir, "cache") },
  );
  expect(written.exampleCount).toBe(40);

  const created = await createJob(api, jobBody({}, `gs://tuning-data/${basename(written.path)}`));
  expect(emu.control.vertexJobs()[0]).toMatchObject({ datasetRead: true, exampleCount: 40 });
  const job = await waitForJob(api, created.name);
  expect(job.state).toBe("JOB_STATE_SUCCEEDED");
  expect(job.tuningDataStats.supervisedTuningDataStats.tuningDatasetExampleCount).toBe("40");
  const reply = await api.post(`${v1(job.tunedModel.endpoint)}:generateContent`, { contents: [{ role: "user", parts: [{ text: "what follows 7?" }] }] });
  expect(reply.json.candidates[0].content.parts[0].text).toBe('8, then "9"');
});
