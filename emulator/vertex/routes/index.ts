/**
 * Every Vertex AI (`aiplatform` v1 and v1beta1) route, in match order.
 */
import { VertexRoute } from "../half";
import { deleteEndpoint, getEndpoint, undeployModel } from "./endpoints";
import { generateContentOnEndpoint, streamGenerateContentOnEndpoint } from "./generateContent";
import { deleteVertexModel, deleteVertexModelVersion, getVertexModel, listVertexModels, patchVertexModel } from "./models";
import { getVertexOperation } from "./operations";
import { cancelTuningJob, createTuningJob, getTuningJob, listTuningJobs } from "./tuningJobs";

/** The Vertex routes. */
export const VERTEX_ROUTES: readonly VertexRoute[] = [
  createTuningJob,
  listTuningJobs,
  getTuningJob,
  cancelTuningJob,
  getVertexModel,
  listVertexModels,
  patchVertexModel,
  deleteVertexModel,
  deleteVertexModelVersion,
  getEndpoint,
  undeployModel,
  deleteEndpoint,
  generateContentOnEndpoint,
  streamGenerateContentOnEndpoint,
  getVertexOperation,
];
