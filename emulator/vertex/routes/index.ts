/**
 * Every Vertex AI (`aiplatform` v1) route, in match order.
 */
import { VertexRoute } from "../half";
import { deleteEndpoint, getEndpoint, undeployModel } from "./endpoints";
import { generateContentOnEndpoint } from "./generateContent";
import { deleteVertexModel, getVertexModel, patchVertexModel } from "./models";
import { getVertexOperation } from "./operations";
import { cancelTuningJob, createTuningJob, getTuningJob, listTuningJobs } from "./tuningJobs";

/** The Vertex routes. */
export const VERTEX_ROUTES: readonly VertexRoute[] = [
  createTuningJob,
  listTuningJobs,
  getTuningJob,
  cancelTuningJob,
  getVertexModel,
  patchVertexModel,
  deleteVertexModel,
  getEndpoint,
  undeployModel,
  deleteEndpoint,
  generateContentOnEndpoint,
  getVertexOperation,
];
