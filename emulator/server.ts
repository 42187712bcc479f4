/**
 * The HTTP server and the request pipeline:
 *
 * 1. `/emulator/...` goes to the control API (no recording, faults or auth).
 * 2. Otherwise the route is matched (unknown path/method: Google's 404 "Method not found.").
 * 3. The caller is authenticated (strict mode) — rejected calls are still recorded with their status.
 * 4. "before" faults apply: latency, then a status answer or a dropped connection instead of the call.
 * 5. Training is brought up to date, the handler runs, and any state change is written to the state file
 *    before the answer leaves (so an answered change survives a crash).
 * 6. "after" faults apply: the call happened, but the client gets the fault instead of the answer.
 * 7. The request is recorded and logged (never with credentials or bodies).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, authKindOf, credentialsOf } from "./auth";
import { EmulatorControl } from "./control";
import { EmulatorCore } from "./core";
import { ApiError, invalidArgument, methodNotFound } from "./errors";
import { ActiveFault, faultError } from "./faults";
import { Delays, MAX_BODY_BYTES, readBody } from "./http";
import { encodeEnums, wantsNumericEnums } from "./json/enums";
import { DuplicateFieldError, normalizeKeys } from "./json/fieldNames";
import { JsonSyntaxError, parseLenientJson } from "./json/lenientJson";
import { formatTimestamp, nowMs } from "./json/timestamps";
import { logLine, RecordedRequest, redactedQuery } from "./requestLog";
import { matchRoute, RouteMatch } from "./router";
import { CONTROL_PREFIX, handleControl } from "./routes/control";
import { queryList } from "./routes/query";
import { HandlerResult, RequestParts, ServedRoute } from "./routes/types";

/** What the pipeline decided to send. */
type Outcome = { drop: true } | { drop: false; status: number; headers: Record<string, string>; body: string };

/** A listening server. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function jsonText(value: unknown, pretty: boolean): string {
  return pretty ? `${JSON.stringify(value, null, 2)}\n` : JSON.stringify(value);
}

const JSON_TYPE = "application/json; charset=UTF-8";

function errorOutcome(err: ApiError, pretty: boolean): Outcome {
  return {
    drop: false,
    status: err.httpStatus,
    headers: { "content-type": JSON_TYPE, ...err.headers },
    body: jsonText(err.toBody(), pretty),
  };
}

/** `prettyPrint` (or the `$prettyPrint` gax sends to minify) is on unless `false` or `0`. */
function isPretty(query: URLSearchParams): boolean {
  return [query.get("prettyPrint"), query.get("$prettyPrint")].every((v) => v !== "false" && v !== "0");
}

/** The handler's JSON answer with numeric enums when the request asked for them (`json/enums.ts`). */
function withEnumsAsAsked(result: HandlerResult, route: ServedRoute, query: URLSearchParams): HandlerResult {
  if ("text" in result || !wantsNumericEnums(query)) return result;
  if ("jsonStream" in result) return { ...result, jsonStream: result.jsonStream.map((m) => encodeEnums(m, route.enumFields)) };
  return { ...result, json: encodeEnums(result.json, route.enumFields) };
}

/**
 * A server stream over REST as Google writes it: one JSON array, `[` message `,` message ... `]`, with nothing
 * after the closing bracket (Python's REST stream parser rejects even a trailing newline; see
 * docs/google-clients.md#streaming).
 */
function jsonStreamText(messages: readonly unknown[], pretty: boolean): string {
  return `[${messages.map((m) => (pretty ? JSON.stringify(m, null, 2) : JSON.stringify(m))).join(",\r\n")}]`;
}

function resultOutcome(result: HandlerResult, pretty: boolean): Outcome {
  if ("text" in result) {
    return { drop: false, status: result.status ?? 200, headers: { "content-type": result.contentType }, body: result.text };
  }
  if ("jsonStream" in result) {
    return { drop: false, status: result.status ?? 200, headers: { "content-type": JSON_TYPE }, body: jsonStreamText(result.jsonStream, pretty) };
  }
  return { drop: false, status: result.status ?? 200, headers: { "content-type": JSON_TYPE }, body: jsonText(result.json, pretty) };
}

function faultOutcome(fault: ActiveFault, pretty: boolean): Outcome {
  if (fault.drop) return { drop: true };
  return errorOutcome(faultError({ ...fault, status: fault.status as number }), pretty);
}

function asApiError(err: unknown, core: EmulatorCore): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof JsonSyntaxError || err instanceof DuplicateFieldError) {
    return invalidArgument(`Invalid JSON payload received. ${err.message}`);
  }
  core.options.log?.(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return new ApiError("INTERNAL", "Internal error encountered.");
}

function bodyReader(text: string): () => unknown {
  let parsed: { value: unknown } | undefined;
  return () => {
    parsed ??= { value: normalizeKeys(parseLenientJson(text)) };
    return parsed.value;
  };
}

async function runApiCall(
  core: EmulatorCore,
  delays: Delays,
  req: http.IncomingMessage,
  url: URL,
  match: RouteMatch | undefined,
  bodyText: string | undefined,
  entry: RecordedRequest,
): Promise<Outcome> {
  const pretty = isPretty(url.searchParams);
  const request = { method: entry.method, path: entry.path, route: entry.route };
  const versionBefore = core.version;
  let outcome: Outcome;
  try {
    if (!match) throw methodNotFound();
    const caller = authenticate(credentialsOf(req.headers, url.searchParams), match.route, core.options, core.tokens, nowMs());
    const before = core.faults.evaluate(request, "before");
    if (before.ids.length > 0) entry.faults = [...before.ids];
    await delays.wait(before.latencyMs);
    if (before.terminal) return faultOutcome(before.terminal, pretty);
    if (bodyText === undefined) {
      throw invalidArgument(`Request payload size exceeds the limit: ${MAX_BODY_BYTES} bytes.`);
    }
    core.advanceTraining();
    const call: RequestParts = {
      params: match.params,
      query: url.searchParams,
      caller,
      version: match.version,
      body: bodyReader(bodyText),
    };
    outcome = resultOutcome(withEnumsAsAsked(match.route.handler(call), match.route, url.searchParams), pretty);
  } catch (err) {
    outcome = errorOutcome(asApiError(err, core), pretty);
  }
  if (core.version !== versionBefore) {
    try {
      await core.persist();
    } catch (err) {
      core.options.log?.(`state file write failed: ${(err as Error).message}`);
      outcome = errorOutcome(new ApiError("INTERNAL", "The emulator could not save its state file."), pretty);
    }
  }
  const after = core.faults.evaluate(request, "after");
  if (after.ids.length > 0) entry.faults = [...(entry.faults ?? []), ...after.ids];
  await delays.wait(after.latencyMs);
  return after.terminal ? faultOutcome(after.terminal, pretty) : outcome;
}

function send(res: http.ServerResponse, outcome: Outcome): void {
  if (res.destroyed) return;
  if (outcome.drop) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(outcome.status, { ...outcome.headers, "content-length": Buffer.byteLength(outcome.body) });
  res.end(outcome.body);
}

async function handle(
  core: EmulatorCore,
  control: EmulatorControl,
  delays: Delays,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const started = performance.now();
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const bodyText = await readBody(req);
  if (url.pathname.startsWith(CONTROL_PREFIX)) {
    const result = handleControl(method, url.pathname, bodyText ?? "", req.headers["content-type"], control, core);
    send(res, { drop: false, status: result.status, headers: { "content-type": JSON_TYPE }, body: jsonText(result.json, true) });
    return;
  }
  const match = matchRoute(core.routes, method, url.pathname);
  const userProject = req.headers["x-goog-user-project"];
  const entry: RecordedRequest = {
    seq: core.recorder.nextSeq(),
    time: formatTimestamp(nowMs()),
    method,
    path: url.pathname,
    query: redactedQuery(url.searchParams),
    route: match?.route.name ?? "unknown",
    status: 0,
    authKind: authKindOf(credentialsOf(req.headers, url.searchParams)),
    durationMs: 0,
  };
  const mask = queryList(url.searchParams, "updateMask");
  if (mask !== undefined) entry.updateMask = mask;
  if (userProject !== undefined) entry.userProject = Array.isArray(userProject) ? userProject[0] : userProject;
  const outcome = await runApiCall(core, delays, req, url, match, bodyText, entry);
  send(res, outcome);
  entry.status = outcome.drop ? 0 : outcome.status;
  entry.durationMs = Math.round((performance.now() - started) * 10) / 10;
  core.recorder.record(entry);
  core.options.log?.(logLine(entry));
}

function urlHost(address: AddressInfo): string {
  return address.family === "IPv6" ? `[${address.address}]` : address.address;
}

/** Starts listening on the configured host and port. */
export async function startServer(core: EmulatorCore, control: EmulatorControl): Promise<RunningServer> {
  const delays = new Delays();
  const server = http.createServer((req, res) => {
    handle(core, control, delays, req, res).catch((err: unknown) => {
      core.options.log?.(`request failed: ${(err as Error).message}`);
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { "content-type": JSON_TYPE });
        res.end(jsonText(new ApiError("INTERNAL", "Internal error encountered.").toBody(), true));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(core.options.port, core.options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(address)}:${address.port}`,
    port: address.port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        delays.releaseAll();
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
