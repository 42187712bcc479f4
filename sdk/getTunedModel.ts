import * as pulumi from "@pulumi/pulumi";
import type { ConnectionArgs } from "./connectionArgs";
import { providerImplementation } from "./providerShim";

/** Arguments of {@link getTunedModel}. */
export interface GetTunedModelArgs {
  /** `tunedModels/<id>` or just the id. */
  name: string;
  /** API key; default from `gemini:apiKey`, then the environment, then ADC. */
  apiKey?: string;
  /** Quota project; default from `gemini:project`, then `GOOGLE_CLOUD_PROJECT`. */
  project?: string;
  /** Service root; default from `gemini:baseUrl`, then Google's endpoint. */
  baseUrl?: string;
}

/** A tuned model as the service describes it. */
export interface GetTunedModelResult {
  /** `tunedModels/<id>`. */
  name: string;
  /** `CREATING`, `ACTIVE` or `FAILED`. */
  state?: string;
  /** The base model. */
  baseModel?: string;
  /** Display name. */
  displayName?: string;
  /** Description. */
  description?: string;
  /** Effective temperature. */
  temperature?: number;
  /** Effective topP. */
  topP?: number;
  /** Effective topK. */
  topK?: number;
  /** Creation time (RFC 3339). */
  createTime?: string;
  /** Last update time (RFC 3339). */
  updateTime?: string;
}

/** Reads a tuned model the stack does not manage (a lookup); fails if it does not exist. */
export async function getTunedModel(args: GetTunedModelArgs): Promise<GetTunedModelResult> {
  const config = new pulumi.Config("gemini");
  const connection = {
    apiKey: args.apiKey ?? config.get("apiKey"),
    project: args.project ?? config.get("project"),
    baseUrl: args.baseUrl ?? config.get("baseUrl"),
  };
  const model = await providerImplementation().getTunedModel(args.name, connection);
  return {
    name: model.name,
    state: model.state,
    baseModel: model.baseModel ?? model.tunedModelSource?.baseModel,
    displayName: model.displayName,
    description: model.description,
    temperature: model.temperature,
    topP: model.topP,
    topK: model.topK,
    createTime: model.createTime,
    updateTime: model.updateTime,
  };
}

/** {@link getTunedModel} for use with Outputs. */
export function getTunedModelOutput(args: pulumi.Input<GetTunedModelArgs>): pulumi.Output<GetTunedModelResult> {
  return pulumi.output(args).apply((resolved) => getTunedModel(resolved as GetTunedModelArgs));
}

export type { ConnectionArgs };
