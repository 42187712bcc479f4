/**
 * What a Vertex AI route sees of the emulator: the Vertex records, the Vertex settings, and the step time
 * (long-running operations finish after one step).
 */
import { TrainingClock } from "../clock";
import { ApiCall, Route } from "../routes/types";
import { ResolvedVertexOptions } from "./options";
import { VertexStore } from "./store";

/** The Vertex half, as its routes see it. */
export interface VertexHalf {
  readonly store: VertexStore;
  readonly settings: ResolvedVertexOptions;
  readonly clock: Pick<TrainingClock, "stepMs">;
}

/** A Vertex AI route. */
export type VertexRoute = Route<VertexHalf>;

/** One call to a Vertex AI route. */
export type VertexCall = ApiCall<VertexHalf>;
