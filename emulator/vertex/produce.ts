/**
 * What a succeeded tuning job leaves behind: a Model Registry model and an endpoint with that model deployed
 * on it (all traffic), named in the job's `tunedModel`, plus one endpoint for each earlier checkpoint, serving
 * the same model at that checkpoint (the last checkpoint is the model the job's endpoint serves). Created
 * once, when the job is first seen succeeded. A continuous tuning job's model is the next version of its
 * source model.
 */
import { newVertexId } from "./ids";
import { modelIdOf, nextVersionKey } from "./modelVersions";
import { StoredVertexJob } from "./state";
import { VertexStore } from "./store";

/** Creates the model and endpoint of a succeeded job that has none yet. Returns whether it did. */
export function produceTunedModel(store: VertexStore, job: StoredVertexJob): boolean {
  if (job.state !== "JOB_STATE_SUCCEEDED" || job.modelId !== undefined) return false;
  const at = job.endTimeMs ?? job.updateTimeMs;
  const source = job.preTunedModel === undefined ? undefined : store.modelById(job.preTunedModel.sourceModelId);
  // Continuous tuning adds a version to the source model, unless the job names a different display name,
  // which starts a model of its own (docs/vertex-ai.md, Models, endpoints and teardown).
  const asVersion = source !== undefined && (!job.tunedModelDisplayName || job.tunedModelDisplayName === source.displayName);
  const modelId = asVersion ? nextVersionKey(modelIdOf(source.id), store.allModels().map((m) => m.id)) : newVertexId();
  const endpointId = newVertexId();
  const displayName = asVersion ? source.displayName : job.tunedModelDisplayName || `${job.baseModel}-tuned-${job.id}`;
  store.addModel({
    id: modelId,
    project: job.project,
    location: job.location,
    displayName,
    ...(job.description ? { description: job.description } : {}),
    labels: { ...job.labels },
    baseModel: job.baseModel,
    jobId: job.id,
    createTimeMs: at,
    updateTimeMs: at,
    examples: job.dataset.examples,
    ...(store.newModelAccuracy !== undefined ? { answerAccuracy: store.newModelAccuracy } : {}),
  });
  const addEndpoint = (id: string, name: string): void =>
    store.addEndpoint({
      id,
      project: job.project,
      location: job.location,
      displayName: name,
      labels: { ...job.labels },
      deployedModels: [{ id: newVertexId(), modelId, createTimeMs: at }],
      createTimeMs: at,
      updateTimeMs: at,
    });
  addEndpoint(endpointId, displayName);
  job.checkpoints.forEach((checkpoint, i) => {
    if (i === job.checkpoints.length - 1) {
      checkpoint.endpointId = endpointId;
      return;
    }
    checkpoint.endpointId = newVertexId();
    addEndpoint(checkpoint.endpointId, `${displayName}-checkpoint-${checkpoint.checkpointId}`);
  });
  job.modelId = modelId;
  job.endpointId = endpointId;
  store.changed();
  return true;
}
