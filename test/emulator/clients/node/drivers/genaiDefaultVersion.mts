// Drives the Gemini API emulator with @google/genai on its default API version (v1 for the Gemini API in
// 3.x): only the base URL and the API key are configured. DRIVER_INPUT {"model": ...} names a tuned model the
// test created. Reports what each call returned, or the status of the error it raised.
import { GoogleGenAI } from "@google/genai";

const { model } = JSON.parse(process.env.DRIVER_INPUT ?? "{}") as { model: string };
const ai = new GoogleGenAI({ apiKey: process.env.EMULATOR_API_KEY, httpOptions: { baseUrl: process.env.EMULATOR_URL } });
const report: Record<string, unknown> = {};

async function step(name: string, run: () => Promise<unknown>): Promise<void> {
  try {
    report[name] = await run();
  } catch (err) {
    const e = err as { status?: number; message?: string };
    report[name] = { error: { status: e.status, message: String(e.message).slice(0, 300) } };
  }
}

await step("baseModels", async () => {
  const names: string[] = [];
  for await (const m of await ai.models.list()) if (m.supportedActions?.includes("createTunedModel")) names.push(m.name!);
  return names;
});
await step("generate", async () => (await ai.models.generateContent({ model, contents: "3" })).text);
await step("stream", async () => {
  const texts: string[] = [];
  for await (const chunk of await ai.models.generateContentStream({ model, contents: "5" })) texts.push(chunk.text ?? "");
  return { chunks: texts.length, text: texts.join("") };
});
await step("getTunedModel", () => ai.models.get({ model }));
await step("tune", () =>
  ai.tunings.tune({ baseModel: "models/gemini-1.0-pro-001", trainingDataset: { examples: [{ textInput: "1", output: "2" }] } }),
);

console.log(JSON.stringify(report));
