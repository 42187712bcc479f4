import * as pulumi from "@pulumi/pulumi";

/**
 * How to reach the service. Each setting falls back to stack configuration (`gemini:apiKey`,
 * `gemini:project`, `gemini:baseUrl`), then to the environment (`GEMINI_API_KEY` or `GOOGLE_API_KEY`,
 * `GOOGLE_CLOUD_PROJECT`, `GEMINI_BASE_URL`); with no API key anywhere, Application Default Credentials
 * are used (user credentials, service accounts, workload identity federation).
 */
export interface ConnectionArgs {
  /**
   * API key. Treated as a secret. Prefer the `gemini:apiKey` secret stack setting: refresh and destroy
   * read credentials from configuration or the environment, since credentials are never kept in outputs.
   */
  apiKey?: pulumi.Input<string>;
  /** Google Cloud project for quota and billing, sent as `x-goog-user-project`. */
  project?: pulumi.Input<string>;
  /** Service root URL; set it to an emulator's URL to work offline. Default: Google's endpoint. */
  baseUrl?: pulumi.Input<string>;
}

/** Connection inputs for a resource, with the API key marked secret. */
export function connectionInputs(args: ConnectionArgs): Record<string, pulumi.Input<string> | undefined> {
  return {
    apiKey: args.apiKey === undefined ? undefined : pulumi.secret(args.apiKey),
    project: args.project,
    baseUrl: serviceRootInput(args.baseUrl),
  };
}

/**
 * A `baseUrl` as sent to the provider: marked secret when it carries `user:password@`, so that the
 * engine prints `[secret]` where it shows the value of the rejected property (the provider's check refuses
 * such a URL at preview). Any other URL is passed on unchanged.
 */
export function serviceRootInput(baseUrl: pulumi.Input<string> | undefined): pulumi.Input<string> | undefined {
  if (baseUrl === undefined) return undefined;
  const carriesCredentials = (url: string) => typeof url === "string" && /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url.trim());
  if (typeof baseUrl === "string") return carriesCredentials(baseUrl) ? pulumi.secret(baseUrl) : baseUrl;
  return pulumi.output(baseUrl).apply((url) => (carriesCredentials(url) ? pulumi.secret(url) : pulumi.output(url)));
}
