/**
 * The command line: argument parsing, and the command run in-process (start, print URL, log, close). The
 * signal handling and the compiled `bin` are exercised by spawning the built CLI, outside this suite.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CLI_USAGE, parseCliArgs, runCli } from "../../emulator";
import { apiFor } from "./helpers";
import { createJob, exampleLine, jobBody, V } from "./vertexHelpers";

let bucketDir: string;
beforeAll(() => (bucketDir = mkdtempSync(path.join(tmpdir(), "cli-bucket-"))));
afterAll(() => rmSync(bucketDir, { recursive: true, force: true }));

describe("parseCliArgs", () => {
  test("defaults to port 8089 with nothing else set", () => {
    expect(parseCliArgs([])).toEqual({ options: { port: 8089 }, help: false, quiet: false });
  });

  test("every flag, in both --flag value and --flag=value forms; repeatable keys and tokens", () => {
    const args = parseCliArgs([
      "--port=0",
      "--host",
      "0.0.0.0",
      "--step-ms",
      "25",
      "--state-file=state.json",
      "--strict-auth",
      "--api-key",
      "k1",
      "--api-key=k2",
      "--bearer-token",
      "t1",
      "--base-models",
      "none",
      "--unknown-base-model-status=400",
      "--batch-size-threshold",
      "100",
      "--principal",
      "me@example.com",
      "--quiet",
    ]);
    expect(args).toEqual({
      options: {
        port: 0,
        host: "0.0.0.0",
        stepMs: 25,
        stateFile: "state.json",
        strictAuth: true,
        apiKeys: ["k1", "k2"],
        bearerTokens: ["t1"],
        baseModelsMode: "none",
        unknownBaseModelStatus: 400,
        defaultBatchSizeThreshold: 100,
        principal: "me@example.com",
      },
      help: false,
      quiet: true,
    });
    expect(parseCliArgs(["-h"]).help).toBe(true);
  });

  test.each([
    [["--bogus"], /Unknown option --bogus/],
    [["--port"], /--port needs a value/],
    [["--port", "--quiet"], /--port needs a value/],
    [["--port", "eighty"], /--port needs an integer/],
    [["--step-ms", "-1"], /--step-ms/],
    [["--base-models", "some"], /--base-models/],
    [["--unknown-base-model-status", "500"], /400 or 404/],
    [["--gcs-bucket", "just-a-bucket"], /--gcs-bucket needs BUCKET=DIR/],
    [["--gcs-bucket", "=/tmp"], /--gcs-bucket needs BUCKET=DIR/],
    [["--gcs-bucket", "my-bucket="], /--gcs-bucket needs BUCKET=DIR/],
    [["--gcs-bucket", "Not_A_Bucket=/tmp"], /"Not_A_Bucket" is not a bucket name/],
    [["--gcs-bucket", "my-bucket=/no/such/dir/anywhere"], /\/no\/such\/dir\/anywhere .*does not exist or is not a directory/],
    [["--gcs-bucket", `my-bucket=${__filename}`], /is not a directory/],
    [["--gcs-bucket", "b1b=/tmp", "--gcs-bucket", "b1b=/"], /bucket "b1b" is mapped twice/],
    [["--vertex-base-models"], /--vertex-base-models needs a value/],
    [["--vertex-base-models", "gemini-2.5-flash,,gemini-3*"], /comma-separated list/],
  ])("%j is refused", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  test("--gcs-bucket (repeatable, directories resolved from the working directory) and --vertex-base-models", () => {
    const relative = path.relative(process.cwd(), bucketDir);
    const args = parseCliArgs([
      "--gcs-bucket",
      `training-data=${bucketDir}`,
      `--gcs-bucket=other.bucket_2=${relative}`,
      "--vertex-base-models",
      "gemini-2.5-flash, gemini-3*",
    ]);
    expect(args.options).toEqual({
      port: 8089,
      vertex: { gcsBuckets: { "training-data": bucketDir, "other.bucket_2": path.resolve(relative) }, baseModels: ["gemini-2.5-flash", "gemini-3*"] },
    });
    expect(parseCliArgs(["--vertex-base-models=gemini-2.0-flash"]).options.vertex).toEqual({ baseModels: ["gemini-2.0-flash"] });
  });

  test("the Vertex flags are in the usage text", () => {
    expect(CLI_USAGE).toContain("--gcs-bucket BUCKET=DIR");
    expect(CLI_USAGE).toContain("--vertex-base-models LIST");
  });
});

describe("runCli", () => {
  test("starts on a free port, prints its URL, logs requests without secrets, and closes", async () => {
    const out: string[] = [];
    const handle = await runCli(["--port", "0", "--step-ms", "5"], { out: (l) => out.push(l), err: (l) => out.push(l), handleSignals: false });
    expect(handle).toBeDefined();
    try {
      expect(out[0]).toBe(`Gemini tuning emulator listening on ${handle!.url}`);
      expect(handle!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const reply = await fetch(`${handle!.url}/v1beta/models?key=TOP-SECRET`);
      expect(reply.status).toBe(200);
      expect(out.some((l) => l.startsWith("GET /v1beta/models -> 200 models.list"))).toBe(true);
      expect(out.join("\n")).not.toContain("TOP-SECRET");
    } finally {
      await handle!.close();
    }
  });

  test("--quiet logs only the URL; --help prints usage and starts nothing", async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), handleSignals: false };
    const handle = await runCli(["--port", "0", "--quiet"], io);
    await fetch(`${handle!.url}/v1beta/models`);
    await handle!.close();
    expect(out).toHaveLength(1);
    out.length = 0;
    expect(await runCli(["--help"], io)).toBeUndefined();
    expect(out).toEqual([CLI_USAGE]);
  });

  test("a mapped bucket is read from its directory and the base-model list is enforced", async () => {
    writeFileSync(path.join(bucketDir, "train.jsonl"), ["1", "2", "3"].map((n) => exampleLine(n, `${n}!`)).join("\n") + "\n");
    const out: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), handleSignals: false };
    const handle = await runCli(["--port", "0", "--quiet", "--gcs-bucket", `cli-data=${bucketDir}`, "--vertex-base-models", "gemini-2.5-*"], io);
    try {
      expect(out).toEqual([`Gemini tuning emulator listening on ${handle!.url}`, `Serving gs://cli-data/ from ${bucketDir}`]);
      const api = apiFor(handle!.url);
      await createJob(api, jobBody({}, "gs://cli-data/train.jsonl"));
      expect(handle!.control.vertexJobs()[0]).toMatchObject({ datasetRead: true, exampleCount: 3 });
      const refused = await api.post(`${V}/tuningJobs`, jobBody({ baseModel: "gemini-2.0-flash" }));
      expect(refused.status).toBe(400);
    } finally {
      await handle!.close();
    }
  });

  test("bad arguments reject with a message naming the flag", async () => {
    await expect(runCli(["--port", "x"], { out: () => undefined, err: () => undefined, handleSignals: false })).rejects.toThrow("--port");
  });

  test("the CLI source starts with a node shebang so the compiled bin is executable", () => {
    const source = readFileSync(path.join(__dirname, "../../emulator/cli.ts"), "utf8");
    expect(source.startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
