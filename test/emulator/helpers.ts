/**
 * Shared helpers for the emulator contract tests: a started emulator, a tiny fetch-based client that returns
 * status, headers and parsed JSON, bounded polling, and dataset builders.
 */
import { EmulatorHandle, EmulatorOptions, startEmulator } from "../../emulator";

/** A response as tests inspect it. */
export interface Reply {
  status: number;
  headers: Headers;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** Raw HTTP calls against one emulator. */
export interface Api {
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  del(path: string, headers?: Record<string, string>): Promise<Reply>;
}

/** Builds an Api for a base URL. A string body is sent verbatim (to test lenient parsing). */
export function apiFor(baseUrl: string): Api {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const init: RequestInit = { method, headers: { "content-type": "application/json", ...headers } };
    if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
    const res = await fetch(`${baseUrl}${path}`, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  return {
    call,
    get: (p, h) => call("GET", p, undefined, h),
    post: (p, b, h) => call("POST", p, b ?? {}, h),
    patch: (p, b, h) => call("PATCH", p, b ?? {}, h),
    del: (p, h) => call("DELETE", p, undefined, h),
  };
}

/** Starts an emulator with a fast default step time for tests. */
export async function start(options: EmulatorOptions = {}): Promise<{ emu: EmulatorHandle; api: Api }> {
  const emu = await startEmulator({ stepMs: 10, ...options });
  return { emu, api: apiFor(emu.url) };
}

/** `n` numbered examples (`"1"` -> `"2"` ...), like Google's number-generator tutorial. */
export function numberExamples(n: number): { textInput: string; output: string }[] {
  return Array.from({ length: n }, (_, i) => ({ textInput: String(i + 1), output: String(i + 2) }));
}

/** A valid create body. */
export function createBody(overrides: Record<string, unknown> = {}, exampleCount = 15): Record<string, unknown> {
  return {
    displayName: "number generator",
    baseModel: "models/gemini-1.0-pro-001",
    tuningTask: {
      hyperparameters: { epochCount: 5, batchSize: 4, learningRate: 0.001 },
      trainingData: { examples: { examples: numberExamples(exampleCount) } },
    },
    ...overrides,
  };
}

/** Polls `fn` until `done` holds or the deadline passes (bounded); returns the last value. */
export async function pollUntil<T>(
  fn: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs = 5000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await fn();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    value = await fn();
  }
  if (!done(value)) throw new Error(`pollUntil: condition not met within ${timeoutMs}ms; last value: ${JSON.stringify(value)}`);
  return value;
}

/** Creates a model and returns the operation JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the operation JSON is inspected loosely
export async function createModel(api: Api, body: Record<string, unknown> = createBody(), id?: string): Promise<any> {
  const reply = await api.post(`/v1beta/tunedModels${id ? `?tunedModelId=${id}` : ""}`, body);
  if (reply.status !== 200) throw new Error(`create failed: ${reply.status} ${reply.text}`);
  return reply.json;
}

/** Waits until the model named by `name` reaches a final state; returns its GET representation. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the model JSON is inspected loosely
export async function waitForModel(api: Api, name: string, timeoutMs = 5000): Promise<any> {
  const reply = await pollUntil(
    () => api.get(`/v1beta/${name}`),
    (r) => r.status !== 200 || r.json.state !== "CREATING",
    { timeoutMs },
  );
  return reply.json;
}
