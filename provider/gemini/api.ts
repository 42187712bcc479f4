import { isNotFound, orUndefinedIfNotFound } from "../client/apiErrors";
import type { GoogleApiClient } from "../client/httpClient";
import { collectPages } from "../google/pagination";
import { EmptySchema } from "../google/protoJson";
import { firstCandidateText, generateContentRequest, GenerateContentResponseSchema, type GenerationConfig } from "../google/generateContent";
import {
  ListPermissionsResponseSchema,
  ListTunedModelsResponseSchema,
  ListTuningOperationsResponseSchema,
  PermissionSchema,
  TunedModelSchema,
  TuningOperationSchema,
  type CreateTunedModelBody,
  type MutableTunedModelFields,
  type Permission,
  type PermissionSpec,
  type TunedModel,
  type TuningOperation,
} from "./wire";
import { createPermissionRequest, createTunedModelRequest, updateTunedModelRequest } from "./converters";

/** The API version of every call; operations fall back to {@link OPERATIONS_FALLBACK_VERSION}. */
const VERSION = "v1beta";
/** Google's own samples poll tuning operations on v1, and one says only v1 worked at the time. */
const OPERATIONS_FALLBACK_VERSION = "v1";
/** Largest page the service allows; fewer round trips for big accounts. */
const PAGE_SIZE = "1000";

/**
 * Every call the Gemini API (`generativelanguage` v1beta `tunedModels`) backend makes, over the shared
 * HTTP layer. Every call takes an abort signal; "not found" is a value, not an exception, where the
 * callers treat it as a normal outcome.
 */
export class GeminiApi {
  readonly #client: GoogleApiClient;
  // Once v1beta has answered 404 where v1 served the operation, polls go to v1 directly: a wait makes
  // dozens of polls and each would otherwise cost two requests.
  #operationsVersion: string = VERSION;

  constructor(client: GoogleApiClient) {
    this.#client = client;
  }

  async createTunedModel(body: CreateTunedModelBody, tunedModelId: string | undefined, signal?: AbortSignal): Promise<TuningOperation> {
    return this.#client.request({
      httpMethod: "POST",
      path: `${VERSION}/tunedModels`,
      query: { tunedModelId },
      body: createTunedModelRequest(body),
      schema: TuningOperationSchema,
      method: "tunedModels.create",
      resource: tunedModelId ? `tunedModels/${tunedModelId}` : "tunedModels",
      signal,
      // With an explicit id a repeated create cannot train twice (it answers 409, which the caller
      // adopts); without one, only failures that prove nothing was created are retried.
      retry: tunedModelId ? "safe" : "unprocessed",
    });
  }

  async getTunedModel(name: string, signal?: AbortSignal): Promise<TunedModel | undefined> {
    return orUndefinedIfNotFound(
      this.#client.request({ httpMethod: "GET", path: `${VERSION}/${name}`, schema: TunedModelSchema, method: "tunedModels.get", resource: name, signal }),
    );
  }

  async updateTunedModel(name: string, fields: MutableTunedModelFields, updateMask: string[], signal?: AbortSignal): Promise<TunedModel> {
    const request = updateTunedModelRequest(fields, updateMask);
    return this.#client.request({
      httpMethod: "PATCH",
      path: `${VERSION}/${name}`,
      query: { updateMask: request.updateMask },
      body: request.body,
      schema: TunedModelSchema,
      method: "tunedModels.patch",
      resource: name,
      signal,
    });
  }

  deleteTunedModel(name: string, signal?: AbortSignal): Promise<"deleted" | "absent"> {
    return deleted(
      this.#client.request({ httpMethod: "DELETE", path: `${VERSION}/${name}`, schema: EmptySchema, method: "tunedModels.delete", resource: name, signal }),
    );
  }

  async getOperation(name: string, signal?: AbortSignal): Promise<TuningOperation> {
    const get = (version: string) =>
      this.#client.request({ httpMethod: "GET", path: `${version}/${name}`, schema: TuningOperationSchema, method: "tunedModels.operations.get", resource: name, signal });
    return this.#withV1Fallback(get);
  }

  async listOperations(tunedModelName: string, signal?: AbortSignal): Promise<TuningOperation[]> {
    const list = (version: string) =>
      collectPages(async (pageToken) => {
        const page = await this.#client.request({
          httpMethod: "GET",
          path: `${version}/${tunedModelName}/operations`,
          query: { pageSize: PAGE_SIZE, pageToken },
          schema: ListTuningOperationsResponseSchema,
          method: "tunedModels.operations.list",
          resource: tunedModelName,
          signal,
        });
        return { items: page.operations, nextPageToken: page.nextPageToken };
      }, `operations of ${tunedModelName}`);
    return this.#withV1Fallback(list);
  }

  listTunedModels(filter?: string, signal?: AbortSignal): Promise<TunedModel[]> {
    return collectPages(async (pageToken) => {
      const page = await this.#client.request({
        httpMethod: "GET",
        path: `${VERSION}/tunedModels`,
        query: { pageSize: PAGE_SIZE, pageToken, filter: filter || undefined },
        schema: ListTunedModelsResponseSchema,
        method: "tunedModels.list",
        resource: "tunedModels",
        signal,
      });
      return { items: page.tunedModels, nextPageToken: page.nextPageToken };
    }, "tuned models");
  }

  createPermission(parent: string, permission: PermissionSpec, signal?: AbortSignal): Promise<Permission> {
    return this.#client.request({
      httpMethod: "POST",
      path: `${VERSION}/${parent}/permissions`,
      body: createPermissionRequest(permission),
      schema: PermissionSchema,
      method: "tunedModels.permissions.create",
      resource: parent,
      signal,
      // Not idempotent (the server picks the id): retry only what provably did not reach it.
      retry: "unprocessed",
    });
  }

  getPermission(name: string, signal?: AbortSignal): Promise<Permission | undefined> {
    return orUndefinedIfNotFound(
      this.#client.request({ httpMethod: "GET", path: `${VERSION}/${name}`, schema: PermissionSchema, method: "tunedModels.permissions.get", resource: name, signal }),
    );
  }

  listPermissions(parent: string, signal?: AbortSignal): Promise<Permission[]> {
    return collectPages(async (pageToken) => {
      const page = await this.#client.request({
        httpMethod: "GET",
        path: `${VERSION}/${parent}/permissions`,
        query: { pageSize: PAGE_SIZE, pageToken },
        schema: ListPermissionsResponseSchema,
        method: "tunedModels.permissions.list",
        resource: parent,
        signal,
      });
      return { items: page.permissions, nextPageToken: page.nextPageToken };
    }, `permissions of ${parent}`);
  }

  updatePermissionRole(name: string, role: string, signal?: AbortSignal): Promise<Permission> {
    return this.#client.request({
      httpMethod: "PATCH",
      path: `${VERSION}/${name}`,
      query: { updateMask: "role" },
      body: { role },
      schema: PermissionSchema,
      method: "tunedModels.permissions.patch",
      resource: name,
      signal,
    });
  }

  deletePermission(name: string, signal?: AbortSignal): Promise<"deleted" | "absent"> {
    return deleted(
      this.#client.request({ httpMethod: "DELETE", path: `${VERSION}/${name}`, schema: EmptySchema, method: "tunedModels.permissions.delete", resource: name, signal }),
    );
  }

  /** Tries v1beta, then v1 when v1beta says 404; the v1beta error wins if both fail that way. */
  async #withV1Fallback<T>(call: (version: string) => Promise<T>): Promise<T> {
    const preferred = this.#operationsVersion;
    try {
      return await call(preferred);
    } catch (error) {
      if (!isNotFound(error) || preferred === OPERATIONS_FALLBACK_VERSION) throw error;
      try {
        const result = await call(OPERATIONS_FALLBACK_VERSION);
        this.#operationsVersion = OPERATIONS_FALLBACK_VERSION;
        return result;
      } catch (fallbackError) {
        if (isNotFound(fallbackError)) throw error;
        throw fallbackError;
      }
    }
  }

  async generateText(model: string, text: string, signal?: AbortSignal, generationConfig?: GenerationConfig): Promise<string> {
    const response = await this.#client.request({
      httpMethod: "POST",
      path: `${VERSION}/${model}:generateContent`,
      body: generateContentRequest(text, generationConfig),
      schema: GenerateContentResponseSchema,
      method: "tunedModels.generateContent",
      resource: model,
      signal,
      // Generation changes nothing on the server, so repeating it is harmless.
      retry: "safe",
    });
    return firstCandidateText(response, model);
  }
}

/** A delete whose target is already gone has reached the state the caller wanted. */
async function deleted(call: Promise<unknown>): Promise<"deleted" | "absent"> {
  try {
    await call;
    return "deleted";
  } catch (error) {
    if (isNotFound(error)) return "absent";
    throw error;
  }
}
