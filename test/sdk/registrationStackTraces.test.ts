/**
 * What registering a resource costs in stack traces. Pulumi's SDK formats one for each of the four promises
 * it makes per resource property, for its promise-leak report only; ours are left empty unless that report
 * is asked for. Pulumi's runtime mocks are enough: this is the program's side of a registration.
 */
import * as pulumi from "@pulumi/pulumi";
import { Dataset, TunedModel } from "../../sdk";
import { NUMBER_EXAMPLES } from "../fixtures/numbers";

beforeAll(async () => {
  await pulumi.runtime.setMocks({ newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }), call: (args) => args.inputs }, "project", "stack", true);
});

/** Every stack trace formatted while `action` runs, as its frames' file names. */
function formattedTraces(action: () => void): string[][] {
  const frames: string[][] = [];
  const original = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, callSites) => {
    frames.push(callSites.map((site) => site.getFileName() ?? ""));
    return original ? original(error, callSites) : `${error}\n${callSites.map((site) => `    at ${site}`).join("\n")}`;
  };
  try {
    action();
  } finally {
    Error.prepareStackTrace = original;
  }
  return frames;
}

const declare = (name: string) => () => void new TunedModel(name, { baseModel: "models/gemini-1.5-flash-001-tuning", trainingData: Dataset.inline(NUMBER_EXAMPLES) });

describe("registering a TunedModel", () => {
  afterEach(() => delete process.env.PULUMI_DEBUG_PROMISE_LEAKS);

  it("formats no frames for the SDK's property promises, and still the resource's source position", () => {
    const limit = Error.stackTraceLimit;
    const traces = formattedTraces(declare("quiet"));
    expect(Error.stackTraceLimit).toBe(limit);
    // Four promises for each of the 30 or so properties, none with a frame.
    expect(traces.filter((frames) => frames.length === 0).length).toBeGreaterThanOrEqual(100);
    const withFrames = traces.filter((frames) => frames.length > 0);
    expect(withFrames.length).toBeLessThan(5);
    // The SDK raises the limit itself for the position it records in state, which leads to the program.
    expect(withFrames.some((frames) => frames.some((file) => file.endsWith("registrationStackTraces.test.ts")))).toBe(true);
  });

  it("keeps every trace when the promise-leak report is asked for", () => {
    process.env.PULUMI_DEBUG_PROMISE_LEAKS = "1";
    const traces = formattedTraces(declare("debugged"));
    expect(traces.filter((frames) => frames.length === 0)).toEqual([]);
    expect(traces.length).toBeGreaterThanOrEqual(100);
  });

  it("fails with a stack that leads to the program when the SDK refuses the registration", () => {
    let thrown: unknown;
    try {
      declare("")();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/name/);
    expect((thrown as Error).stack).toContain("registrationStackTraces.test.ts");
  });
});
