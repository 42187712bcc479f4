/**
 * The Vertex AI half of the emulator: its store, its routes bound to it, and the seam the core drives it by.
 */
import { TrainingClock } from "../clock";
import { ServiceHalf } from "../half";
import { shiftAnchorForPause } from "../jobs/stepClock";
import { bindRoutes } from "../routes/types";
import { VertexHalf } from "./half";
import { ResolvedVertexOptions } from "./options";
import { VERTEX_ENUM_FIELDS } from "./enums";
import { produceTunedModel } from "./produce";
import { VERTEX_ROUTES } from "./routes";
import { emptyVertexState, VertexState } from "./state";
import { VertexStore } from "./store";
import { advanceVertexJob, isVertexJobActive } from "./training";

/** The Vertex half with its seam. */
export type VertexService = VertexHalf & ServiceHalf<VertexState>;

/** Builds the Vertex half; `touch` marks the emulator state as changed. */
export function createVertexHalf(
  settings: ResolvedVertexOptions,
  clock: Pick<TrainingClock, "stepMs">,
  touch: () => void,
): VertexService {
  const store = new VertexStore(touch);
  const half: VertexHalf = { store, settings, clock };
  return {
    ...half,
    routes: bindRoutes(VERTEX_ROUTES, half, VERTEX_ENUM_FIELDS),
    advance: (now, stepMs) => {
      for (const job of store.eachJob()) {
        if (advanceVertexJob(job, now, stepMs)) store.changed();
        produceTunedModel(store, job);
      }
    },
    shiftForPause: (pausedAt, now) => {
      for (const job of store.eachJob()) if (isVertexJobActive(job)) shiftAnchorForPause(job, pausedAt, now);
    },
    snapshot: () => store.snapshot(),
    load: (state) => store.load(state),
    reset: () => {
      store.load(emptyVertexState());
      touch();
    },
    clearFailures: () => store.clearFailures(),
  };
}
