/**
 * Resource ids: the `tunedModelId` rule, generated model ids, operation and permission ids (docs/gemini-api.md,
 * TunedModel and Operations).
 */
import { randomBytes } from "node:crypto";

/** `tunedModelId` format: starts with a letter, ends with a letter or digit, up to 40 chars. */
export const TUNED_MODEL_ID_PATTERN = /^[a-z]([a-z0-9-]{0,38}[a-z0-9])?$/;

/** Maximum id length. */
export const MAX_TUNED_MODEL_ID_LENGTH = 40;

const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** A random string over `alphabet` (crypto-random; ids must not collide across restarts). */
export function randomString(length: number, alphabet: string = ALPHANUMERIC): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

/** Operation ids look like `bvl8dymw0fhw`: 12 lowercase alphanumerics. */
export function newOperationId(): string {
  return randomString(12);
}

/** Permission ids: 12 lowercase alphanumerics starting with a letter (real format not documented). */
export function newPermissionId(): string {
  return randomString(1, LETTERS) + randomString(11);
}

/** Display words joined by `-`, lowercased, anything outside `[a-z0-9]` dropped. */
export function slugOf(displayName: string): string {
  return displayName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Generates a model id the way the service does: the display-name slug plus `-` and a 12-char random suffix
 * (e.g. `number-generator-model-dzlmi0gswwqb`), or a random 11-char id (`az2mb0bpw6i`) when there is no usable
 * display name. The slug is cut so the id stays within 40 characters and still matches the id pattern.
 */
export function generateModelId(displayName: string | undefined): string {
  const suffix = randomString(12);
  let slug = slugOf(displayName ?? "").slice(0, MAX_TUNED_MODEL_ID_LENGTH - suffix.length - 1);
  slug = slug.replace(/-+$/, "");
  if (slug === "" || !/^[a-z]/.test(slug)) return randomString(1, LETTERS) + randomString(10);
  return `${slug}-${suffix}`;
}
