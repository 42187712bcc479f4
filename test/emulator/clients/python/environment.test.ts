/**
 * The Python client tests' environment: the pinned clients are installed and the offline credentials work.
 */
import { readFileSync } from "node:fs";
import { EmulatorHandle, startEmulator } from "../../../../emulator";
import { ensurePythonVenv, REQUIREMENTS_FILE } from "./ensurePythonVenv";
import { runPythonDriver } from "./runPythonDriver";

/** `name==version` pins of requirements.txt. */
function pins(): Record<string, string> {
  const lines = readFileSync(REQUIREMENTS_FILE, "utf8").split("\n");
  return Object.fromEntries(lines.filter((l) => l.includes("==")).map((l) => l.trim().split("==")));
}

let emu: EmulatorHandle;
beforeAll(async () => {
  await ensurePythonVenv();
  emu = await startEmulator({ stepMs: 10 });
}, 600_000);
afterAll(() => emu?.close());

test("the pinned clients are installed and a service-account key gets a token from the emulator", async () => {
  const report = await runPythonDriver<{ versions: Record<string, string>; tokenPrefix: string }>("environment.py", {
    emulatorUrl: emu.url,
  });
  const pinned = pins();
  expect(report.versions).toEqual({
    "google-genai": pinned["google-genai"],
    "google-generativeai": pinned["google-generativeai"],
    "google-auth": pinned["google-auth"],
  });
  expect(report.tokenPrefix).toBe("ya29.emulator-");
  expect(emu.control.tokenRequests().map((r) => r.grantType)).toContain("urn:ietf:params:oauth:grant-type:jwt-bearer");
});

test("a second call reuses the environment", async () => {
  const started = Date.now();
  const python = await ensurePythonVenv();
  expect(Date.now() - started).toBeLessThan(1000);
  expect(python).toMatch(/\.venv-clients/);
});
