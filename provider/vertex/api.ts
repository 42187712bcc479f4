import { orUndefinedIfNotFound } from "../client/apiErrors";
import type { GoogleApiClient } from "../client/httpClient";
import { firstCandidateText, generateContentRequest, GenerateContentResponseSchema, type GenerationConfig } from "../google/generateContent";
import { OperationSchema, type Operation } from "../google/operation";
import { collectPages } from "../google/pagination";
import { EmptySchema } from "../google/protoJson";
import type { EvaluationConfig } from "./tunedModel/evaluationConfig";
import { EndpointSchema, ListTuningJobsResponseSchema, TuningJobSchema, VertexModelSchema, type Endpoint, type TuningJob, type VertexModel } from "./wire";

/** API version of every call. */
const VERSION = "v1";
/** Largest page ListTuningJobs allows. */
const PAGE_SIZE = "1000";

/** What a new tuning job is made from (the writable fields of `TuningJob`). */
export interface CreateTuningJobBody {
  /** Base model id, e.g. `gemini-2.5-flash`; absent when `preTunedModel` names the source (oneof `source_model`). */
  baseModel?: string;
  /** Continuous tuning: the tuned model version to start from and optionally its checkpoint. */
  preTunedModel?: { tunedModelName: string; checkpointId?: string };
  /** Display name of the model the job produces (≤ 128 characters). */
  tunedModelDisplayName?: string;
  /** Description of the job and its model. */
  description?: string;
  /** Labels of the job (and, as Vertex copies them, of its model). */
  labels?: Record<string, string>;
  /** Datasets and hyperparameters of supervised tuning (oneof `tuning_spec`). */
  supervisedTuningSpec?: TuningSpecBody;
  /** The same for preference tuning (v1beta1; `hyperParameters.beta` is its own). */
  preferenceOptimizationSpec?: TuningSpecBody;
  /** Customer-managed encryption key. */
  encryptionSpec?: { kmsKeyName: string };
  /** Service account the job runs as. */
  serviceAccount?: string;
}

/** A tuning spec: datasets and hyperparameters. */
export interface TuningSpecBody {
  trainingDatasetUri: string;
  validationDatasetUri?: string;
  hyperParameters?: { epochCount?: string; learningRateMultiplier?: number; adapterSize?: string; beta?: number; learningRate?: number; batchSize?: string };
  exportLastCheckpointOnly?: boolean;
  /** v1beta1, supervised only: `TUNING_MODE_FULL` or `TUNING_MODE_PEFT_ADAPTER`. */
  tuningMode?: string;
  /** Evaluation during tuning (v1 and v1beta1), in the API's own shape. */
  evaluationConfig?: EvaluationConfig;
}

/** The model fields an update may change. */
export interface MutableVertexModelFields {
  /** Display name (a Model always has one). */
  displayName?: string;
  /** Description. */
  description?: string;
  /** Labels (replaced as a whole). */
  labels?: Record<string, string>;
}

/**
 * The Vertex AI calls the `VertexTunedModel` resource makes (GenAiTuningService, ModelService,
 * EndpointService and their long-running operations), over the same HTTP layer as the Gemini API. "Not
 * found" is a value where callers treat it as a normal outcome.
 */
export class VertexApi {
  readonly #client: GoogleApiClient;

  constructor(client: GoogleApiClient) {
    this.#client = client;
  }

  /**
   * Submits a job under `parent` (`projects/{p}/locations/{l}`); the answer is the job itself. `version`
   * is `v1beta1` for a body only that version takes; the job is then read under `v1` like any other.
   */
  createTuningJob(parent: string, body: CreateTuningJobBody, signal?: AbortSignal, version: "v1" | "v1beta1" = VERSION): Promise<TuningJob> {
    return this.#client.request({
      httpMethod: "POST",
      path: `${version}/${parent}/tuningJobs`,
      body,
      schema: TuningJobSchema,
      method: "tuningJobs.create",
      resource: `${parent}/tuningJobs`,
      signal,
      // The server picks the id, so a repeat could train twice: retry only what provably did not arrive.
      retry: "unprocessed",
    });
  }

  /** The job, or undefined when it does not exist. */
  getTuningJob(name: string, signal?: AbortSignal): Promise<TuningJob | undefined> {
    return orUndefinedIfNotFound(this.#client.request({ httpMethod: "GET", path: `${VERSION}/${name}`, schema: TuningJobSchema, method: "tuningJobs.get", resource: name, signal }));
  }

  /** Every job under `parent` matching `filter` (all pages). */
  listTuningJobs(parent: string, filter: string, signal?: AbortSignal): Promise<TuningJob[]> {
    return collectPages(async (pageToken) => {
      const page = await this.#client.request({
        httpMethod: "GET",
        path: `${VERSION}/${parent}/tuningJobs`,
        query: { filter, pageSize: PAGE_SIZE, pageToken },
        schema: ListTuningJobsResponseSchema,
        method: "tuningJobs.list",
        resource: `${parent}/tuningJobs`,
        signal,
      });
      return { items: page.tuningJobs, nextPageToken: page.nextPageToken };
    }, `tuning jobs of ${parent}`);
  }

  /** Asks a running job to stop; the job then ends CANCELLED. */
  async cancelTuningJob(name: string, signal?: AbortSignal): Promise<void> {
    await this.#client.request({ httpMethod: "POST", path: `${VERSION}/${name}:cancel`, body: {}, schema: EmptySchema, method: "tuningJobs.cancel", resource: name, signal, retry: "safe" });
  }

  /** The model, or undefined when it does not exist. */
  getModel(name: string, signal?: AbortSignal): Promise<VertexModel | undefined> {
    return orUndefinedIfNotFound(this.#client.request({ httpMethod: "GET", path: `${VERSION}/${name}`, schema: VertexModelSchema, method: "models.get", resource: name, signal }));
  }

  /** Changes exactly the fields in `updateMask`. */
  updateModel(name: string, fields: MutableVertexModelFields, updateMask: string[], signal?: AbortSignal): Promise<VertexModel> {
    return this.#client.request({
      httpMethod: "PATCH",
      path: `${VERSION}/${name}`,
      query: { updateMask: updateMask.join(",") },
      body: fields,
      schema: VertexModelSchema,
      method: "models.patch",
      resource: name,
      signal,
    });
  }

  /** Starts deleting the model; undefined when it was already gone. */
  deleteModel(name: string, signal?: AbortSignal): Promise<Operation | undefined> {
    return orUndefinedIfNotFound(this.#client.request({ httpMethod: "DELETE", path: `${VERSION}/${name}`, schema: OperationSchema, method: "models.delete", resource: name, signal }));
  }

  /**
   * Starts deleting one version of a model (`…/models/{m}@{version}`), leaving the others; undefined when
   * it was already gone. Vertex refuses it for a model's only version: that is deleted with the model.
   */
  deleteModelVersion(name: string, signal?: AbortSignal): Promise<Operation | undefined> {
    return orUndefinedIfNotFound(
      this.#client.request({ httpMethod: "DELETE", path: `${VERSION}/${name}:deleteVersion`, schema: OperationSchema, method: "models.deleteVersion", resource: name, signal }),
    );
  }

  /** The endpoint, or undefined when it does not exist. */
  getEndpoint(name: string, signal?: AbortSignal): Promise<Endpoint | undefined> {
    return orUndefinedIfNotFound(this.#client.request({ httpMethod: "GET", path: `${VERSION}/${name}`, schema: EndpointSchema, method: "endpoints.get", resource: name, signal }));
  }

  /** Starts undeploying one deployed model; undefined when the endpoint or the deployment was already gone. */
  undeployModel(endpoint: string, deployedModelId: string, signal?: AbortSignal): Promise<Operation | undefined> {
    return orUndefinedIfNotFound(
      this.#client.request({
        httpMethod: "POST",
        path: `${VERSION}/${endpoint}:undeployModel`,
        body: { deployedModelId },
        schema: OperationSchema,
        method: "endpoints.undeployModel",
        resource: endpoint,
        signal,
        // Undeploying twice ends the same way (the second is a 404, which counts as done).
        retry: "safe",
      }),
    );
  }

  /** Starts deleting the endpoint; undefined when it was already gone. */
  deleteEndpoint(name: string, signal?: AbortSignal): Promise<Operation | undefined> {
    return orUndefinedIfNotFound(this.#client.request({ httpMethod: "DELETE", path: `${VERSION}/${name}`, schema: OperationSchema, method: "endpoints.delete", resource: name, signal }));
  }

  /** One look at a long-running operation. */
  getOperation(name: string, signal?: AbortSignal): Promise<Operation> {
    return this.#client.request({ httpMethod: "GET", path: `${VERSION}/${name}`, schema: OperationSchema, method: "operations.get", resource: name, signal });
  }

  /** Asks the endpoint serving a tuned model for a completion of `text`; returns the first candidate's text. */
  async generateText(endpoint: string, text: string, signal?: AbortSignal, generationConfig?: GenerationConfig): Promise<string> {
    const response = await this.#client.request({
      httpMethod: "POST",
      path: `${VERSION}/${endpoint}:generateContent`,
      body: generateContentRequest(text, generationConfig),
      schema: GenerateContentResponseSchema,
      method: "endpoints.generateContent",
      resource: endpoint,
      signal,
      retry: "safe",
    });
    return firstCandidateText(response, endpoint);
  }
}
