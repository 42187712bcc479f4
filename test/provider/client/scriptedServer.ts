import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** What the scripted server does with one request. */
export type ScriptedReply =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | "drop" // destroy the socket without an answer (connection reset)
  | "hang"; // never answer (per-request timeout)

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A loopback HTTP server answering from a script; real sockets, no mocking of fetch. */
export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1:0. `script` is a list (one reply per request, the last repeated) or a
 * function of the request and its index.
 */
export async function startScriptedServer(
  script: ScriptedReply[] | ((request: RecordedRequest, index: number) => ScriptedReply),
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      const index = requests.length;
      requests.push(recorded);
      const reply = typeof script === "function" ? script(recorded, index) : script[Math.min(index, script.length - 1)];
      if (reply === "drop") {
        req.socket.destroy();
        return;
      }
      if (reply === "hang") return;
      const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Google error envelope. */
export function googleError(code: number, status: string, message: string, details: unknown[] = []): { status: number; body: unknown } {
  return { status: code, body: { error: { code, message, status, details } } };
}
