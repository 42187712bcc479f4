// The emulator's training-dependent answers: recall rate from epochs and loss, the hash that decides each
// training prompt, and the control API that sets a model's accuracy outright (over HTTP).
import { startEmulator } from "../../../emulator";
import { promptDraw, recallRate, tunedAnswer, UNRECALLED_ANSWER } from "../../../emulator/jobs/recall";

const examples = Array.from({ length: 40 }, (_, i) => ({ textInput: `q${i}`, output: `a${i}` }));

describe("recall", () => {
  test("the rate grows with epochs and shrinks with loss, capped at 1", () => {
    expect(recallRate(1, 0.5)).toBe(1);
    expect(recallRate(0.5, 0.5)).toBe(0.5);
    expect(recallRate(1, 2)).toBe(0.25);
    expect(recallRate(2, 2)).toBe(0.5);
  });

  test("the same model answers the same prompt the same way; accuracy sets the share recalled", () => {
    const model = { name: "tunedModels/m", accuracy: 0.5 };
    const first = examples.map((e) => tunedAnswer(examples, e.textInput, model));
    expect(examples.map((e) => tunedAnswer(examples, e.textInput, model))).toEqual(first);
    const recalled = first.filter((answer, i) => answer === examples[i].output).length;
    expect(recalled).toBe(examples.filter((e) => promptDraw(model.name, e.textInput) < 0.5).length);
    expect(recalled).toBeGreaterThan(5);
    expect(recalled).toBeLessThan(35);
    expect(examples.every((e) => tunedAnswer(examples, e.textInput, { ...model, accuracy: 1 }) === e.output)).toBe(true);
    expect(examples.some((e) => tunedAnswer(examples, e.textInput, { ...model, accuracy: 0 }) === e.output)).toBe(false);
  });

  test("an unlearned prompt with no other output to give gets the fixed answer; other prompts the nearest output", () => {
    expect(tunedAnswer([{ textInput: "1", output: "2" }], "1", { name: "m", accuracy: 0 })).toBe(UNRECALLED_ANSWER);
    expect(tunedAnswer(examples, "q39!", { name: "m", accuracy: 0 })).toBe("a39");
  });

  test("POST /emulator/answers refuses an accuracy outside 0..1", async () => {
    const emulator = await startEmulator({});
    try {
      const post = (body: unknown) => fetch(`${emulator.url}/emulator/answers`, { method: "POST", body: JSON.stringify(body) });
      expect((await post({ accuracy: 0.5 })).status).toBe(200);
      const bad = await post({ accuracy: 2 });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(await bad.json())).toContain("accuracy must be a number from 0 to 1");
      expect((await post({ accuracy: 1, model: "tunedModels/missing" })).status).toBe(400);
    } finally {
      await emulator.close();
    }
  });
});
