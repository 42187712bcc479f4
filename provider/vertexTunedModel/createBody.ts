import type { CreateTuningJobBody } from "../vertex/api";
import { creationKey } from "./creationKey";
import { CREATION_LABEL, type CheckedVertexInputs } from "./inputs";

/** The CreateTuningJob request for the inputs, labelled with the creation key (see `creationKey.ts`). */
export function createTuningJobBody(inputs: CheckedVertexInputs): CreateTuningJobBody {
  const h = inputs.hyperparameters;
  const hyperParameters = {
    ...(h?.epochCount !== undefined && { epochCount: String(h.epochCount) }),
    ...(h?.learningRateMultiplier !== undefined && { learningRateMultiplier: h.learningRateMultiplier }),
    ...(h?.adapterSize !== undefined && { adapterSize: h.adapterSize }),
  };
  return {
    baseModel: inputs.baseModel,
    tunedModelDisplayName: inputs.tunedModelDisplayName,
    description: inputs.description,
    labels: { ...inputs.labels, [CREATION_LABEL]: creationKey(inputs) },
    supervisedTuningSpec: {
      trainingDatasetUri: inputs.trainingDataset.uri,
      validationDatasetUri: inputs.validationDataset?.uri,
      hyperParameters: Object.keys(hyperParameters).length > 0 ? hyperParameters : undefined,
      exportLastCheckpointOnly: inputs.exportLastCheckpointOnly,
    },
    encryptionSpec: inputs.kmsKeyName === undefined ? undefined : { kmsKeyName: inputs.kmsKeyName },
    serviceAccount: inputs.serviceAccount,
  };
}
