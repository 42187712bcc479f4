// How the waiter reads a Vertex tuning job: the one place that says whether a job is final.
import { classifyTuningJob, isFinal, jobFailureReason } from "../../../provider/vertex/jobPoller";

const job = (state: string, error?: { code: number; message: string }) => ({ name: "projects/p/locations/l/tuningJobs/1", state, error });

describe("Vertex job poller", () => {
  test.each(["JOB_STATE_QUEUED", "JOB_STATE_PENDING", "JOB_STATE_RUNNING", "JOB_STATE_CANCELLING", "JOB_STATE_PAUSED", "JOB_STATE_UPDATING"])("%s is pending", (state) => {
    expect(isFinal(job(state))).toBe(false);
    expect(classifyTuningJob(job(state))).toEqual({ state: "pending" });
  });

  test("a job without a state is pending", () => {
    expect(classifyTuningJob({ name: "j" })).toEqual({ state: "pending" });
  });

  test("JOB_STATE_SUCCEEDED succeeded", () => {
    expect(classifyTuningJob(job("JOB_STATE_SUCCEEDED"))).toEqual({ state: "succeeded" });
  });

  test.each(["JOB_STATE_FAILED", "JOB_STATE_CANCELLED", "JOB_STATE_EXPIRED", "JOB_STATE_PARTIALLY_SUCCEEDED"])("%s failed, with the state and the job's error", (state) => {
    expect(isFinal(job(state))).toBe(true);
    expect(classifyTuningJob(job(state, { code: 13, message: "Internal error." }))).toEqual({ state: "failed", reason: `ended ${state}: INTERNAL: Internal error.` });
  });

  test("a failure without an error says only the state", () => {
    expect(jobFailureReason(job("JOB_STATE_CANCELLED"))).toBe("ended JOB_STATE_CANCELLED");
  });
});
