// A key rotation: `gemini:apiKey` is set to a new key after the old one was revoked (the emulator, in
// strict auth, accepts only the new one). The engine configures the provider for `pulumi refresh` and
// `pulumi destroy` from the stack configuration recorded in state at the last `up` (the default
// provider's inputs), so they send the old key: they fail with a message saying what to run, and with
// `--run-program` (or after an `up`, which records the new configuration) they use the key configured now.
import { randomBytes } from "node:crypto";
import * as gemini from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";
import { StackStepError, type StateResource } from "../harness";
import { createGeminiStack, TUNED_MODEL_TYPE, type GeminiStack } from "./geminiStack";

jest.setTimeout(240_000);

const DEFAULT_PROVIDER = "pulumi:providers:pulumi-nodejs";

describe("a rotated gemini:apiKey", () => {
  let env: GeminiStack;
  const program = async () => {
    new gemini.TunedModel("rotated", { baseModel: "models/gemini-1.5-flash-001-tuning", hyperparameters: { epochCount: 1, batchSize: 5 }, trainingData: NUMBER_EXAMPLES });
    return {};
  };
  const rotate = async () => {
    const key = `rotated-${randomBytes(16).toString("hex")}`;
    env.emulator.control.setApiKeys([key]); // the old key is revoked
    await env.stack.setConfig("gemini:apiKey", key, { secret: true });
    return key;
  };
  /** The key the engine recorded for the default provider (decrypted). */
  const recordedKey = async () => {
    const resources = ((await env.stack.exportState({ showSecrets: true })).deployment?.resources ?? []) as StateResource[];
    const recorded = resources.find((r) => r.type === DEFAULT_PROVIDER)?.inputs?.["gemini:apiKey"] as { plaintext?: string } | undefined;
    // A secret in a decrypted export: the value as JSON text under `plaintext`.
    return recorded?.plaintext === undefined ? undefined : (JSON.parse(recorded.plaintext) as string);
  };
  const failureText = async (step: Promise<unknown>) => {
    const failure = await step.then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(StackStepError);
    return [...(failure as StackStepError).trace.outputLines, ...(failure as StackStepError).trace.errorLines].join("\n");
  };

  beforeAll(async () => (env = await createGeminiStack(program)));
  afterAll(async () => env?.dispose());

  it("reaches refresh and destroy through --run-program or an up, and says so when it does not", async () => {
    const firstKey = env.apiKey;
    await env.stack.up();
    expect(await recordedKey()).toBe(firstKey);

    // Plain refresh: the engine configures the provider with the recorded (revoked) key.
    await rotate();
    const refused = await failureText(env.stack.refresh());
    expect(refused).toMatch(/API key not valid/);
    expect(refused).toMatch(/pulumi refresh --run-program/);
    expect(await recordedKey()).toBe(firstKey);

    // With the program run, the provider gets the configuration as it is now.
    expect((await env.stack.refresh({ runProgram: true })).changes).toEqual({ same: 2 });

    // An up records the new configuration; a plain refresh then uses it.
    const secondKey = await rotate();
    await env.stack.up();
    expect(await recordedKey()).toBe(secondKey);
    expect((await env.stack.refresh()).changes).toEqual({ same: 2 });

    // Destroy alike: refused with the advice, then done with --run-program.
    await rotate();
    const destroyRefused = await failureText(env.stack.destroy());
    expect(destroyRefused).toMatch(/pulumi destroy --run-program/);
    expect(env.emulator.control.models()).toHaveLength(1);
    await env.stack.destroy({ runProgram: true });
    expect(env.emulator.control.models()).toEqual([]);
    expect((await env.stack.stateResources()).filter((r) => r.type === TUNED_MODEL_TYPE)).toEqual([]);
  });
});
