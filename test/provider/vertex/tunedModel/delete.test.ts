// VertexTunedModel's delete against the emulator over HTTP, authenticated with a service-account key
// through Application Default Credentials (strict auth: only the emulator's own tokens pass). The
// engine lifecycle is in test/engine/vertexLifecycle.test.ts.
import { vertexTunedModel } from "../../../../provider";
import { rejection } from "../../gemini/geminiFixture";
import { checkedVertexInputs, useVertexEmulator } from "../vertexFixture";

jest.setTimeout(60_000);

const provider = vertexTunedModel;

const checked = checkedVertexInputs;

describe("VertexTunedModel delete", () => {
  const env = useVertexEmulator();
  const emulator = () => env().emulator;

  test("delete cancels a job that is still running", async () => {
    emulator().control.pauseTraining();
    const inputs = await checked({ timeouts: { create: "1s" } });
    const error = await rejection(provider.create(inputs));
    expect(error.name).toBe("PartialStateError");
    const { id, properties } = error as unknown as { id: string; properties: Record<string, unknown> };
    // Training stays held through the delete: a busy machine could otherwise let the job finish first.
    await provider.delete(id, properties);
    emulator().control.resumeTraining();
    expect(env().jobs()[0].job.state).toBe("JOB_STATE_CANCELLED");
  });
});
