import type { DatasetProblem } from "./types";

/** A dataset that cannot be used, with the file and line to fix. */
export class DatasetError extends Error {
  /** Structured form of the problem (kept in resource inputs so `check` can report it). */
  readonly problem: DatasetProblem;

  constructor(problem: DatasetProblem) {
    super(describeDatasetProblem(problem));
    this.name = "DatasetError";
    this.problem = problem;
  }
}

/** Renders a problem as `file:line: message`, the form editors and CI logs link to. */
export function describeDatasetProblem(problem: DatasetProblem): string {
  if (problem.file === undefined) return problem.message;
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.message}`;
}
