/**
 * The command line: argument parsing, and the command run in-process (start, print URL, log, close). The
 * signal handling and the compiled `bin` are exercised by spawning the built CLI, outside this suite.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CLI_USAGE, parseCliArgs, runCli } from "../../emulator";

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
  ])("%j is refused", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
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

  test("bad arguments reject with a message naming the flag", async () => {
    await expect(runCli(["--port", "x"], { out: () => undefined, err: () => undefined, handleSignals: false })).rejects.toThrow("--port");
  });

  test("the CLI source starts with a node shebang so the compiled bin is executable", () => {
    const source = readFileSync(path.join(__dirname, "../../emulator/cli.ts"), "utf8");
    expect(source.startsWith("#!/usr/bin/env node\n")).toBe(true);
  });
});
