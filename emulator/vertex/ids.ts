/**
 * Vertex resource ids. Tuning jobs, models, endpoints, deployed models and operations all get decimal ids on
 * the real service (e.g. `tuningJobs/5385460406213476352`); the emulator draws 19 random digits, first non-zero.
 */
import { randomString } from "../ids";

/** A new numeric id. */
export function newVertexId(): string {
  return randomString(1, "123456789") + randomString(18, "0123456789");
}
