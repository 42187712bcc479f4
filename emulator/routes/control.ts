/**
 * The control API over HTTP, under `/emulator/` (a prefix no Google API uses), for tests in another process
 * and for users' CI. These routes are not API requests: they are not recorded, counted, faulted or
 * authenticated.
 *
 * | Method | Path | Body | Answer |
 * |---|---|---|---|
 * | GET | /emulator/health | | `{ok: true}` |
 * | GET / POST / DELETE | /emulator/faults | FaultSpec (POST) | `{faults}` / `{id}` / `{}` |
 * | DELETE | /emulator/faults/{id} | | `{}` |
 * | POST / DELETE | /emulator/jobs/fail | JobFailureSpec (POST) | `{}` |
 * | GET | /emulator/jobs | | `{jobsCreated}` |
 * | GET / DELETE | /emulator/requests | | `{requests}` / `{}` |
 * | GET | /emulator/counters | | `{requestsByRoute, modelsByState}` |
 * | GET | /emulator/models | | `{models}` |
 * | GET | /emulator/vertex/jobs | | `{jobs, jobsCreated}` (Vertex tuning jobs with their model and endpoint) |
 * | POST | /emulator/vertex/jobs/fail | VertexJobFailureSpec | `{}` |
 * | POST | /emulator/answers | AnswerAccuracySpec | `{}` |
 * | POST | /emulator/training/pause, /emulator/training/resume | | `{}` |
 * | POST | /emulator/step-ms | `{stepMs}` | `{}` |
 * | GET | /emulator/token-requests | | `{tokenRequests}` |
 * | POST | /emulator/api-keys | `{apiKeys}` | `{}` (the keys strict auth accepts from now on) |
 * | POST | /emulator/reset | | `{}` |
 * | POST | /emulator/oauth2/token | OAuth form | token JSON |
 */
import { AnswerAccuracySpec, EmulatorControl, JobFailureSpec } from "../control";
import { EmulatorCore } from "../core";
import { FaultSpec } from "../faults";
import { VertexJobFailureSpec } from "../vertex/control";
import { parseLenientJson } from "../json/lenientJson";
import { issueToken, tokenRequestParams } from "../oauth";

/** A control answer. */
export interface ControlResult {
  status: number;
  json: unknown;
}

/** Prefix of every control path. */
export const CONTROL_PREFIX = "/emulator/";

function error(status: number, message: string): ControlResult {
  return { status, json: { error: { code: status, message } } };
}

function objectBody(text: string): Record<string, unknown> {
  const parsed = parseLenientJson(text);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new RangeError("The body must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

/** Serves one control request. */
export function handleControl(
  method: string,
  path: string,
  body: string,
  contentType: string | undefined,
  control: EmulatorControl,
  core: EmulatorCore,
): ControlResult {
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  try {
    const faultMatch = /^DELETE \/emulator\/faults\/([^/]+)$/.exec(route);
    if (faultMatch) {
      control.removeFault(decodeURIComponent(faultMatch[1]));
      return { status: 200, json: {} };
    }
    switch (route) {
      case "GET /emulator/health":
        return { status: 200, json: { ok: true } };
      case "GET /emulator/faults":
        return { status: 200, json: { faults: control.faults() } };
      case "POST /emulator/faults":
        return { status: 200, json: { id: control.addFault(objectBody(body) as FaultSpec) } };
      case "DELETE /emulator/faults":
        control.clearFaults();
        return { status: 200, json: {} };
      case "POST /emulator/jobs/fail":
        control.failJob(objectBody(body) as JobFailureSpec);
        return { status: 200, json: {} };
      case "DELETE /emulator/jobs/fail":
        control.clearJobFailures();
        return { status: 200, json: {} };
      case "GET /emulator/jobs":
        return { status: 200, json: { jobsCreated: control.jobsCreated() } };
      case "GET /emulator/requests":
        return { status: 200, json: { requests: control.requests() } };
      case "DELETE /emulator/requests":
        control.clearRequests();
        return { status: 200, json: {} };
      case "GET /emulator/counters":
        return { status: 200, json: control.counters() };
      case "GET /emulator/models":
        return { status: 200, json: { models: control.models() } };
      case "GET /emulator/vertex/jobs":
        return { status: 200, json: { jobs: control.vertexJobs(), jobsCreated: control.vertexJobsCreated(), resources: control.vertexResources() } };
      case "POST /emulator/vertex/jobs/fail":
        control.failVertexJob(objectBody(body) as VertexJobFailureSpec);
        return { status: 200, json: {} };
      case "POST /emulator/answers":
        control.setAnswerAccuracy(objectBody(body) as unknown as AnswerAccuracySpec);
        return { status: 200, json: {} };
      case "POST /emulator/training/pause":
        control.pauseTraining();
        return { status: 200, json: {} };
      case "POST /emulator/training/resume":
        control.resumeTraining();
        return { status: 200, json: {} };
      case "POST /emulator/step-ms": {
        const stepMs = objectBody(body).stepMs;
        if (typeof stepMs !== "number") throw new RangeError("Body must be {\"stepMs\": <number>}.");
        control.setStepMs(stepMs);
        return { status: 200, json: {} };
      }
      case "POST /emulator/api-keys": {
        const apiKeys = objectBody(body).apiKeys;
        if (!Array.isArray(apiKeys) || !apiKeys.every((key) => typeof key === "string")) throw new RangeError('Body must be {"apiKeys": [<string>, ...]}.');
        control.setApiKeys(apiKeys);
        return { status: 200, json: {} };
      }
      case "GET /emulator/token-requests":
        return { status: 200, json: { tokenRequests: control.tokenRequests() } };
      case "POST /emulator/reset":
        control.reset();
        return { status: 200, json: {} };
      case "POST /emulator/oauth2/token": {
        const result = issueToken(tokenRequestParams(body, contentType), core.options, core.tokens, core.tokenRequests);
        core.persistSoon();
        return { status: result.status, json: result.body };
      }
      default:
        return error(404, `No control route ${route}.`);
    }
  } catch (err) {
    return error(400, err instanceof Error ? err.message : String(err));
  }
}
