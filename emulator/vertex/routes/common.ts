/**
 * What every Vertex AI route shares: the service names, the OAuth scope (`cloud-platform` only), the path
 * prefix `projects/{p}/locations/{l}/`, and lookups that answer 404 for a resource that does not exist in the
 * named project and location.
 */
import { notFound } from "../../errors";
import { recordKeyOf } from "../modelVersions";
import { endpointName, jobName, vertexModelName } from "../render";
import { StoredVertexEndpoint, StoredVertexJob, StoredVertexModel } from "../state";
import { VertexParent } from "../store";
import { VertexCall, VertexRoute } from "../half";

/** Service named in auth ErrorInfo metadata. */
export const AIPLATFORM_SERVICE = "aiplatform.googleapis.com";
/** RPC prefix of the Vertex services. */
export const AIPLATFORM_RPC = "google.cloud.aiplatform.v1";
/** The only scope Vertex methods accept. */
export const CLOUD_PLATFORM = ["cloud-platform"] as const;

/** Pattern source of `projects/{p}/locations/{l}` (two captured segments). */
export const PARENT = "projects\\/([^/]+)\\/locations\\/([^/]+)";

/** Fields every Vertex route has: bound under v1 and v1beta1, cloud-platform scope, no API keys in strict mode. */
export const VERTEX_ROUTE = {
  versions: ["v1", "v1beta1"],
  scopes: CLOUD_PLATFORM,
  service: AIPLATFORM_SERVICE,
  rejectsApiKeys: true,
} as const satisfies Partial<VertexRoute>;

/** The project and location a call names (its first two captured segments). */
export function parentOf(call: VertexCall): VertexParent {
  return { project: call.params[0], location: call.params[1] };
}

/** The tuning job named by the call's third segment, or 404. */
export function loadJob(call: VertexCall): StoredVertexJob {
  const parent = parentOf(call);
  const job = call.half.store.job(parent, call.params[2]);
  if (!job) throw notFound(`TuningJob ${jobName({ ...parent, id: call.params[2] })} does not exist.`);
  return job;
}

/** The model version named by the call's third segment (`{m}`, `{m}@default`, `{m}@{version}`), or 404. */
export function loadVertexModel(call: VertexCall): StoredVertexModel {
  const parent = parentOf(call);
  const model = call.half.store.model(parent, recordKeyOf(call.params[2]));
  if (!model) {
    throw notFound(`Model ${vertexModelName(parent, call.params[2])} does not exist.`);
  }
  return model;
}

/** The endpoint named by the call's third segment, or 404. */
export function loadEndpoint(call: VertexCall): StoredVertexEndpoint {
  const parent = parentOf(call);
  const endpoint = call.half.store.endpoint(parent, call.params[2]);
  if (!endpoint) throw notFound(`Endpoint ${endpointName(parent, call.params[2])} does not exist.`);
  return endpoint;
}
