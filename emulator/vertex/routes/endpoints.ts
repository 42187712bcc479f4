/**
 * `projects/{p}/locations/{l}/endpoints/{e}`: get, undeployModel and delete (EndpointService) of the
 * endpoints tuning jobs produce. Undeploy and delete return operations; the change is visible at once.
 * Delete is refused with 400 FAILED_PRECONDITION while a model is still deployed (undeploy first), and an
 * undeploy naming a deployed model the endpoint does not have is a 404.
 */
import { failedPrecondition, invalidArgument, notFound } from "../../errors";
import { decodeMessage } from "../../json/schema";
import { nowMs } from "../../json/timestamps";
import { UNDEPLOY_MODEL } from "../messages";
import { startVertexOperation } from "../operations";
import { endpointName, renderEndpoint, renderVertexOperation } from "../render";
import { VertexRoute } from "../half";
import { AIPLATFORM_RPC, loadEndpoint, PARENT, VERTEX_ROUTE } from "./common";

const SERVICE = `${AIPLATFORM_RPC}.EndpointService`;

/** GetEndpoint. */
export const getEndpoint: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.endpoints.get",
  rpc: `${SERVICE}.GetEndpoint`,
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/endpoints\\/([^/:]+)$`),
  handler: (call) => {
    const endpoint = loadEndpoint(call);
    return { json: renderEndpoint(endpoint, (id) => call.half.store.modelById(id)?.displayName) };
  },
};

/** UndeployModel: body `{deployedModelId}`. */
export const undeployModel: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.endpoints.undeployModel",
  rpc: `${SERVICE}.UndeployModel`,
  method: "POST",
  pattern: new RegExp(`^${PARENT}\\/endpoints\\/([^/:]+):undeployModel$`),
  handler: (call) => {
    const endpoint = loadEndpoint(call);
    const body = decodeMessage(call.body(), UNDEPLOY_MODEL, "") as { deployedModelId?: string };
    if (!body.deployedModelId) {
      throw invalidArgument("deployed_model_id is required.", [{ field: "deployed_model_id", description: "required" }]);
    }
    const index = endpoint.deployedModels.findIndex((d) => d.id === body.deployedModelId);
    const name = endpointName(endpoint, endpoint.id);
    if (index < 0) throw notFound(`Deployed model ${body.deployedModelId} does not exist on endpoint ${name}.`);
    const now = nowMs();
    endpoint.deployedModels.splice(index, 1);
    endpoint.updateTimeMs = Math.max(now, endpoint.updateTimeMs);
    call.half.store.changed();
    const op = startVertexOperation(call.half.store, endpoint, "undeployModel", name, now, call.half.clock.stepMs);
    return { json: renderVertexOperation(op, now, call.version) };
  },
};

/** DeleteEndpoint. */
export const deleteEndpoint: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.endpoints.delete",
  rpc: `${SERVICE}.DeleteEndpoint`,
  method: "DELETE",
  pattern: new RegExp(`^${PARENT}\\/endpoints\\/([^/:]+)$`),
  handler: (call) => {
    const endpoint = loadEndpoint(call);
    const name = endpointName(endpoint, endpoint.id);
    if (endpoint.deployedModels.length > 0) {
      throw failedPrecondition(
        `Endpoint ${name} has deployed models (${endpoint.deployedModels.map((d) => d.id).join(", ")}); undeploy them before deleting it.`,
      );
    }
    const now = nowMs();
    call.half.store.deleteEndpoint(endpoint.id);
    const op = startVertexOperation(call.half.store, endpoint, "deleteEndpoint", name, now, call.half.clock.stepMs);
    return { json: renderVertexOperation(op, now, call.version) };
  },
};
