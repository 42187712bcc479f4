/**
 * Project numbers. Vertex AI accepts a project's id or its number in a request, and names every resource it
 * returns with the number. The emulator has no project registry, so it derives a stable number from the id:
 * the same id gives the same number on every run and every machine, and a number stands for itself.
 */
import { createHash } from "node:crypto";

const NUMBER = /^\d+$/;

/**
 * The project number Vertex AI reports for `project` (an id or a number): a number as is; for an id, a
 * 12-digit number taken from the SHA-256 of the id (first digit non-zero, like Google's).
 */
export function vertexProjectNumber(project: string): string {
  if (NUMBER.test(project)) return project;
  const hash = createHash("sha256").update(project).digest();
  return String(100_000_000_000n + (hash.readBigUInt64BE(0) % 900_000_000_000n));
}

/** Whether two project references (id or number) name the same project. */
export function sameProject(a: string, b: string): boolean {
  return a === b || vertexProjectNumber(a) === vertexProjectNumber(b);
}
