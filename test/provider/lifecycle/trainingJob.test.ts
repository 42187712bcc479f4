// The training lifecycle's policy, once, against a fake backend (no HTTP): what each way a wait ends
// means for Pulumi state, for a create and for a resumed job. Both real backends plug into this seam.
import { createTrainingJob, resumeTrainingJob } from "../../../provider/lifecycle/trainingJob";
import { PartialStateError } from "../../../provider/runtime/partialStateError";
import { fakeBackend } from "./fakeBackend";

async function rejection(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error as Error,
  );
}

jest.spyOn(console, "log").mockImplementation(() => undefined);

describe("createTrainingJob", () => {
  test("waits for the job and returns what the backend read from it", async () => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 2, endsAs: "succeeded" }, onFailedCreate: "keep" });
    await expect(createTrainingJob(fake.backend, {})).resolves.toEqual({ id: "jobs/1", outs: { name: "jobs/1", state: "done" } });
    expect(fake.calls).toEqual(["submitOrResume", "poll", "poll", "finish"]);
  });

  test("a job that is already finished is not polled", async () => {
    const fake = fakeBackend({ job: { state: "succeeded", pollsLeft: 0, endsAs: "succeeded" }, onFailedCreate: "keep" });
    await createTrainingJob(fake.backend, {});
    expect(fake.calls).toEqual(["submitOrResume", "finish"]);
  });

  test("a failed job is deleted when the backend's policy says so, and the error says what happened once", async () => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 1, endsAs: "failed" }, onFailedCreate: "delete" });
    const error = await rejection(createTrainingJob(fake.backend, {}));
    expect(error).not.toBeInstanceOf(PartialStateError);
    expect(error.message).toBe("job jobs/1 ended FAILED: boom; it was deleted");
    expect(fake.calls).toEqual(["submitOrResume", "poll", "discard"]);
    expect(fake.jobs.size).toBe(0);
  });

  test("a failed job is kept when the backend's policy says so, and nothing is recorded", async () => {
    const fake = fakeBackend({ job: { state: "failed", pollsLeft: 0, endsAs: "failed" }, onFailedCreate: "keep" });
    const error = await rejection(createTrainingJob(fake.backend, {}));
    expect(error).not.toBeInstanceOf(PartialStateError);
    expect(error.message).toBe("job jobs/1 ended FAILED: boom; it produced nothing");
    expect(fake.calls).toEqual(["submitOrResume"]);
    expect(fake.jobs.size).toBe(1);
  });

  test("a job still running at the deadline is recorded as partial state for the next up", async () => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 1_000_000, endsAs: "succeeded" }, onFailedCreate: "delete" });
    const error = (await rejection(createTrainingJob(fake.backend, { timeouts: { create: "700ms" } }))) as PartialStateError;
    expect(error).toBeInstanceOf(PartialStateError);
    expect(error.id).toBe("jobs/1");
    expect(error.properties).toEqual({ name: "jobs/1", state: "pending" });
    expect(error.message).toBe("jobs/1 was still training after the create timeout (1s); the job keeps training and the next `pulumi up` resumes waiting for it");
    expect(fake.calls.at(-1)).toBe("record(unfinished)");
    expect(fake.calls).not.toContain("discard");
  });

  test("a poll that keeps failing leaves the job recorded, and says so once", async () => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 5, endsAs: "succeeded" }, onFailedCreate: "delete" });
    const backend = { ...fake.backend, poll: async () => Promise.reject(new Error("HTTP 503 UNAVAILABLE")) };
    const error = (await rejection(createTrainingJob(backend, {}))) as PartialStateError;
    expect(error).toBeInstanceOf(PartialStateError);
    expect(error.message).toBe("could not poll jobs/1: HTTP 503 UNAVAILABLE; the job keeps training and the next `pulumi up` resumes waiting for it");
  });
});

describe("resumeTrainingJob", () => {
  test("a recorded job that succeeds meanwhile returns its outputs", async () => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 1, endsAs: "succeeded" }, onFailedCreate: "delete" });
    fake.jobs.set("jobs/1", { name: "jobs/1", state: "pending", pollsLeft: 1, endsAs: "succeeded" });
    await expect(resumeTrainingJob(fake.backend, "jobs/1", {}, {})).resolves.toEqual({ id: "jobs/1", outs: { name: "jobs/1", state: "done" } });
  });

  test.each(["delete", "keep"] as const)("a recorded job that fails is recorded as failed, whatever the create policy (%s)", async (policy) => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 1, endsAs: "failed" }, onFailedCreate: policy });
    fake.jobs.set("jobs/1", { name: "jobs/1", state: "pending", pollsLeft: 1, endsAs: "failed" });
    const error = (await rejection(resumeTrainingJob(fake.backend, "jobs/1", {}, {}))) as PartialStateError;
    expect(error).toBeInstanceOf(PartialStateError);
    expect(error.id).toBe("jobs/1");
    expect(error.properties).toEqual({ name: "jobs/1", state: "failed" });
    expect(error.message).toBe(
      "job jobs/1 ended FAILED: boom; the failure is recorded and the next `pulumi preview` proposes to replace it: fix the cause and run `pulumi up`",
    );
    expect(fake.calls).not.toContain("discard");
    expect(fake.jobs.has("jobs/1")).toBe(true);
  });

  test("a recorded job that is gone says to refresh", async () => {
    const fake = fakeBackend({ job: { state: "pending", pollsLeft: 1, endsAs: "succeeded" }, onFailedCreate: "delete" });
    await expect(resumeTrainingJob(fake.backend, "jobs/9", {}, {})).rejects.toThrow("jobs/9 no longer exists; run `pulumi refresh` and then `pulumi up` to train it again");
  });
});
