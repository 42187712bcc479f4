import { z } from "zod";
import { float, int32 } from "./protoJson";
import { StatusSchema } from "./status";
import { TuningSnapshotSchema } from "./tunedModel";

/** `@type` of the metadata of a create-tuned-model operation. */
export const CREATE_TUNED_MODEL_METADATA_TYPE =
  "type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata";

/**
 * `CreateTunedModelMetadata` (reference §5.8): the job's progress. A fresh operation carries only
 * `totalSteps` and `tunedModel`; `completedSteps` is absent while it is 0 (proto3 default).
 */
export const CreateTunedModelMetadataSchema = z.looseObject({
  "@type": z.string().optional(),
  tunedModel: z.string().optional(),
  totalSteps: int32.optional(),
  completedSteps: int32.optional(),
  completedPercent: float.optional(),
  snapshots: z.array(TuningSnapshotSchema).optional(),
});

/** Progress metadata of a tuning operation. */
export type CreateTunedModelMetadata = z.infer<typeof CreateTunedModelMetadataSchema>;

/**
 * `google.longrunning.Operation`. While running neither `error` nor `response` is set (and `done` is
 * usually absent); once `done`, exactly one of them is. `response` is an `Any` (for a create, the
 * TunedModel with an `@type`), kept loose here.
 */
export const OperationSchema = z.looseObject({
  name: z.string(),
  metadata: CreateTunedModelMetadataSchema.optional(),
  done: z.boolean().optional(),
  error: StatusSchema.optional(),
  response: z.looseObject({ "@type": z.string().optional() }).optional(),
});

/** A long-running operation. */
export type Operation = z.infer<typeof OperationSchema>;
