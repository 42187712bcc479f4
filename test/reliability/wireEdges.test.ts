// Edges of the wire on the real engine: deadlines longer than a JavaScript timer holds (they must not fire
// at once), a service root that answers with a redirect (a permanent answer: one attempt, named), and a
// server whose clock runs an hour ahead sending `Retry-After` as a date (read against its `Date` header).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as gemini from "../../sdk";
import { startEmulator, type EmulatorHandle } from "../../emulator";
import type { TestStack } from "../harness";
import { expectStepFailure, reliabilityStack, shownText } from "./support/stacks";

jest.setTimeout(180_000);

const examples = [
  { textInput: "1", output: "2" },
  { textInput: "2", output: "3" },
];

/** A loopback server answering each request with `answer`, or forwarding it to `upstream` when that returns undefined. */
async function loopback(answer: (req: IncomingMessage, index: number) => { status: number; headers: Record<string, string>; body: string } | undefined, upstream?: string) {
  const seen: Array<{ method: string; path: string; at: number }> = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const index = seen.push({ method: req.method ?? "", path: req.url ?? "", at: Date.now() }) - 1;
      const scripted = answer(req, index);
      if (scripted !== undefined || upstream === undefined) {
        const reply = scripted ?? { status: 500, headers: {}, body: "" };
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(reply.body);
        return;
      }
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !["host", "content-length", "connection"].includes(name))) as Record<string, string>;
      fetch(`${upstream}${req.url}`, { method: req.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined })
        .then(async (response) => {
          res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json" });
          res.end(await response.text());
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("deadlines, redirects and clock skew on the real engine", () => {
  let emulator: EmulatorHandle;
  let stack: TestStack | undefined;
  let server: Awaited<ReturnType<typeof loopback>> | undefined;

  beforeEach(async () => {
    emulator = await startEmulator({ stepMs: 700 });
  });
  afterEach(async () => {
    await stack?.dispose({ destroy: true }).catch(() => stack?.dispose());
    stack = undefined;
    await server?.close();
    server = undefined;
    await emulator?.close();
  });

  it("timeouts of 1000h (beyond a 24.8-day timer) let a create train and a destroy finish", async () => {
    stack = await reliabilityStack(async () => {
      const model = new gemini.TunedModel("patient", {
        baseModel: "models/gemini-1.5-flash-001-tuning",
        hyperparameters: { epochCount: 3, batchSize: 1 },
        trainingData: examples,
        timeouts: { create: "1000h", delete: "1000h" },
      });
      return { state: model.state };
    }, emulator.url);
    const started = Date.now();
    const up = await stack.up();
    // Six steps of 0.7 s: the waiter really waited for the job instead of timing out at once.
    expect(Date.now() - started).toBeGreaterThan(3000);
    expect(up.result.outputs.state?.value).toBe("ACTIVE");
    expect(shownText(up)).not.toMatch(/still training after the create timeout/);
    const destroy = await stack.destroy();
    expect(destroy.changes).toEqual({ delete: 2 });
    expect(emulator.control.models()).toEqual([]);
  });

  it("a service root answering 301 fails after one request, naming where it points without credentials", async () => {
    const location = "https://user:s3cret-in-location@generativelanguage.googleapis.com/v1beta/tunedModels";
    server = await loopback(() => ({ status: 301, headers: { location }, body: "" }));
    stack = await reliabilityStack(async () => {
      new gemini.TunedModel("redirected", { baseModel: "models/gemini-1.5-flash-001-tuning", tunedModelId: "redirected-model", trainingData: examples });
      return {};
    }, server.url);
    const started = Date.now();
    const failed = await expectStepFailure(stack.up());
    const shown = shownText(failed.trace);
    expect(shown).toMatch(/HTTP 301 redirect to https:\/\/generativelanguage\.googleapis\.com\/v1beta\/tunedModels/);
    expect(shown).toMatch(/set baseUrl/);
    expect(shown).not.toContain("s3cret-in-location");
    expect(server.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it("Retry-After as a date from a server an hour ahead is waited for, not given up on", async () => {
    const ahead = 3_600_000;
    server = await loopback((req, index) => {
      if (index > 0 || req.method !== "POST") return undefined;
      const serverNow = Date.now() + ahead;
      return {
        status: 503,
        headers: { "retry-after": new Date(serverNow + 2000).toUTCString(), date: new Date(serverNow).toUTCString() },
        body: JSON.stringify({ error: { code: 503, status: "UNAVAILABLE", message: "busy" } }),
      };
    }, emulator.url);
    stack = await reliabilityStack(async () => {
      const model = new gemini.TunedModel("skewed", { baseModel: "models/gemini-1.5-flash-001-tuning", tunedModelId: "skewed-model", trainingData: examples });
      return { state: model.state };
    }, server.url);
    const up = await stack.up();
    expect(up.result.outputs.state?.value).toBe("ACTIVE");
    const [refused, retried] = server.seen.filter((request) => request.method === "POST");
    expect(retried.at - refused.at).toBeGreaterThanOrEqual(900);
    expect(retried.at - refused.at).toBeLessThan(30_000);
    expect(emulator.control.models().map((m) => m.model.name)).toEqual(["tunedModels/skewed-model"]);
  });
});
