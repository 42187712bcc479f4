/**
 * Where the engine tests find the repository and the Pulumi engine: the same lookup as
 * `npm run setup:engine`, which never builds (a test without an engine fails, never skips, with an
 * error naming that command).
 */
export { ENGINE_VERSION as engineVersion, locateEngine } from "../../scripts/engine/paths";
export { repoRoot } from "../../scripts/repoRoot";
