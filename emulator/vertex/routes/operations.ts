/**
 * GetOperation for the operations Vertex deletes and undeploys start (see `vertex/operations.ts` for when
 * they report done), under every binding aiplatform's service config lists for it: `ui/`, `v1/` and `v1beta1/`,
 * each for `projects/{p}/locations/{l}/operations/{o}` and for operations under a resource
 * (`.../models/{m}/operations/{o}`, `.../endpoints/{e}/operations/{o}`, `.../tuningJobs/{t}/operations/{o}`,
 * and the other collections). Google's generated REST clients poll the first binding, `ui/`.
 *
 * An operation is found under the resource it acts on (the name it was returned with) and, as before
 * operations were named under their resource, under its location; under any other resource it is 404.
 */
import { notFound } from "../../errors";
import { nowMs } from "../../json/timestamps";
import { VertexRoute } from "../half";
import { parentName, renderVertexOperation } from "../render";
import { PARENT, parentOf, VERTEX_ROUTE } from "./common";

/** The part of a resource name after `projects/{p}/locations/{l}/`, e.g. `models/123`. */
function resourcePath(name: string): string {
  return name.replace(/^projects\/[^/]+\/locations\/[^/]+\//, "");
}

/** GetOperation. */
export const getVertexOperation: VertexRoute = {
  ...VERTEX_ROUTE,
  versions: ["ui", ...VERTEX_ROUTE.versions],
  name: "vertex.operations.get",
  rpc: "google.longrunning.Operations.GetOperation",
  method: "GET",
  pattern: new RegExp(`^${PARENT}\\/((?:[A-Za-z]+\\/[^/]+\\/)*)operations\\/([^/:]+)$`),
  handler: (call) => {
    const parent = parentOf(call);
    const [, , under, id] = call.params;
    const operation = call.half.store.operation(parent, id);
    if (!operation || (under !== "" && `${resourcePath(operation.target)}/` !== under)) {
      throw notFound(`Operation ${parentName(parent)}/${under}operations/${id} does not exist.`);
    }
    return { json: renderVertexOperation(operation, nowMs(), call.version) };
  },
};
