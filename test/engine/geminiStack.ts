import { randomBytes } from "node:crypto";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { startEmulator, type EmulatorHandle, type EmulatorOptions } from "../../emulator";
import { createTestStack, type ResourceOperation, type StepResult, type TestStack } from "../harness";

/** Type tokens of the product's resources as the engine reports them. */
export const TUNED_MODEL_TYPE = "pulumi-nodejs:dynamic/gemini:TunedModel";
/** See {@link TUNED_MODEL_TYPE}. */
export const PERMISSION_TYPE = "pulumi-nodejs:dynamic/gemini:TunedModelPermission";

/** A stack whose provider talks to an in-process emulator in strict API-key mode. */
export interface GeminiStack {
  /** The stack on the real engine. */
  stack: TestStack;
  /** The emulator the provider talks to. */
  emulator: EmulatorHandle;
  /** The API key in the stack's secret config (`gemini:apiKey`), the only key the emulator accepts. */
  apiKey: string;
  /** Destroys nothing; removes the stack's folders and stops the emulator. */
  dispose(): Promise<void>;
}

/**
 * Starts an emulator and a throwaway stack configured for it the way a user would: `gemini:baseUrl` and a
 * secret `gemini:apiKey` in stack config. Strict auth proves the key reaches the provider process.
 */
export async function createGeminiStack(program: PulumiFn, options: { emulator?: EmulatorOptions } = {}): Promise<GeminiStack> {
  const apiKey = `test-${randomBytes(16).toString("hex")}`;
  const emulator = await startEmulator({ stepMs: 10, strictAuth: true, apiKeys: [apiKey], ...options.emulator });
  try {
    const stack = await createTestStack({
      program,
      config: { "gemini:baseUrl": emulator.url },
      secrets: { "gemini:apiKey": apiKey },
    });
    return {
      stack,
      emulator,
      apiKey,
      async dispose() {
        await stack.dispose();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

/** The operations the engine planned or started (`pre` events) for resources of a type, by name. */
export function plannedOps(step: StepResult<unknown>, type = TUNED_MODEL_TYPE): Record<string, string[]> {
  const ops: Record<string, string[]> = {};
  for (const op of step.operations.filter((o: ResourceOperation) => o.phase === "pre" && o.type === type)) {
    (ops[op.name] ??= []).push(op.op);
  }
  return ops;
}

/** The `pre` operation of one resource with a given op (e.g. the replacement). */
export function operationOf(step: StepResult<unknown>, name: string, op: string): ResourceOperation | undefined {
  return step.operations.find((o) => o.phase === "pre" && o.name === name && o.op === op);
}

/** Requests the emulator received that change something (anything but GET). */
export function mutatingRequests(emulator: EmulatorHandle): Array<{ method: string; path: string }> {
  return emulator.control.requests().filter((request) => request.method !== "GET");
}
