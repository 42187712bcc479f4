/**
 * `projects/{p}/locations/{l}/operations/{id}`: GetOperation for the operations Vertex deletes and undeploys
 * start (see `vertex/operations.ts` for when they report done).
 */
import { notFound } from "../../errors";
import { nowMs } from "../../json/timestamps";
import { parentName, renderVertexOperation } from "../render";
import { VertexRoute } from "../half";
import { PARENT, parentOf, VERTEX_ROUTE } from "./common";

/** GetOperation. */
export const getVertexOperation: VertexRoute = {
  ...VERTEX_ROUTE,
  name: "vertex.operations.get",
  rpc: "google.longrunning.Operations.GetOperation",
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/operations\\/([^/:]+)$`),
  handler: (call) => {
    const parent = parentOf(call);
    const operation = call.half.store.operation(parent, call.params[2]);
    if (!operation) throw notFound(`Operation ${parentName(parent)}/operations/${call.params[2]} does not exist.`);
    return { json: renderVertexOperation(operation, nowMs()) };
  },
};
