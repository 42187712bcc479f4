/**
 * When an inline program cannot reach the engine's resource monitor, @pulumi/pulumi swallows the gRPC
 * UNAVAILABLE in the program's run (see programReached.ts) but the same rejection also surfaces from the
 * promises the root stack resource left behind, after the run stopped listening: Node then reports it as
 * unhandled, and jest fails the whole test file for an error the harness already handles (by previewing
 * again, or by failing the `up`). This listener absorbs exactly that error, with a warning; every other
 * unhandled rejection is rethrown as before.
 */
let installed = false;

/** Installs the listener once per process, and keeps each program's monitor connection to itself. */
export function absorbMonitorUnavailable(): void {
  isolateMonitorConnections();
  if (installed) return;
  installed = true;
  process.on("unhandledRejection", (reason: unknown) => {
    const error = reason as { code?: unknown; message?: unknown } | undefined;
    if (error?.code === 14 && typeof error.message === "string" && error.message.includes("No connection established")) {
      console.warn(`harness: an inline program could not reach the engine (${error.message.split("\n")[0]}); the step reports it`);
      return;
    }
    throw reason;
  });
}

/**
 * grpc-js shares connections ("subchannels") between clients of the same address. An engine's monitor
 * port can be handed to the next engine after the first exits; the next program's client then inherits
 * the dead connection, in back-off, and its first call fails at once with "No connection established".
 * A subchannel pool per client (grpc-js's `grpc.use_local_subchannel_pool`) gives each run a fresh
 * connection. The options object is the one @pulumi/pulumi passes to every monitor client it creates.
 */
function isolateMonitorConnections(): void {
  const settings = require("@pulumi/pulumi/runtime/settings") as { grpcClientOptions: Record<string, unknown> };
  settings.grpcClientOptions["grpc.use_local_subchannel_pool"] = 1;
}
