import { resolveVertexConnection, type VertexConnectionInputs } from "../vertex/connection";
import { vertexApiFor } from "../vertex/service";
import type { VertexTuningApi } from "../vertex/vertexApi";

/** The client and the `projects/{p}/locations/{l}` parent a resource's calls use. */
export interface VertexContext {
  /** Shared client for the connection. */
  api: VertexTuningApi;
  /** `projects/{p}/locations/{l}`. */
  parent: string;
}

/** The context for checked inputs or recorded outputs (both carry the resolved project and location). */
export function vertexContext(props: VertexConnectionInputs): VertexContext {
  const connection = resolveVertexConnection(props);
  if ("missing" in connection) throw new Error(`the Vertex AI ${connection.missing.join(" and ")} is not known; run \`pulumi preview\` to see why`);
  return { api: vertexApiFor(connection), parent: `projects/${connection.project}/locations/${connection.location}` };
}
