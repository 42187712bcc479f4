/**
 * Stack configuration as the dynamic-provider host hands it to `configure`. It lives for the provider
 * process only; credentials read from it are never copied into resource outputs.
 */

/** The subset of Pulumi's dynamic `Config` the provider uses. */
export interface StackConfigReader {
  /** Value of a fully qualified key such as `gemini:apiKey`, or undefined. */
  get(key: string): string | undefined;
}

let stackConfig: StackConfigReader | undefined;

/** Called from the provider's `configure`; remembers the stack configuration for later calls. */
export function setStackConfig(config: StackConfigReader | undefined): void {
  stackConfig = config;
}

/** A `gemini:<name>` stack configuration value, or undefined when unset or empty. */
export function geminiConfig(name: "apiKey" | "project" | "baseUrl" | "vertexBaseUrl"): string | undefined {
  return stackConfigValue(`gemini:${name}`);
}

/** Any fully qualified stack configuration value (e.g. `gcp:project`), or undefined when unset or empty. */
export function stackConfigValue(key: string): string | undefined {
  const value = stackConfig?.get(key);
  return value === undefined || value === "" ? undefined : value;
}

/** The dynamic provider's `configure`: receives the stack configuration from the provider host. */
export async function configureProvider(request: { config: StackConfigReader }): Promise<void> {
  setStackConfig(request.config);
}
