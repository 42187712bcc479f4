import { z } from "zod";
import { hasUrlCredentials } from "../auth/redact";

/**
 * Why a service root (`baseUrl`, from an argument, stack config or the environment) cannot be used, or
 * undefined when it can. The reason never repeats the value: a URL with `user:password@` would put the
 * password in the engine's output.
 */
export function serviceRootProblem(value: string): string | undefined {
  if (hasUrlCredentials(value)) {
    return "must not carry a user name or password (user:password@host); the provider sends credentials itself (an API key or Application Default Credentials)";
  }
  try {
    if (["http:", "https:"].includes(new URL(value).protocol)) return undefined;
  } catch {
    // Not a URL at all: the same reason.
  }
  return "must be an http(s) URL";
}

/** The zod schema of a `baseUrl` argument: an http(s) URL without credentials. */
export function serviceRootSchema() {
  return z.string({ error: "must be an http(s) URL" }).superRefine((value, ctx) => {
    const problem = serviceRootProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  });
}
