/**
 * The state file's shape. Each half owns its records (`gemini/state.ts`, `vertex/state.ts`); the file keeps
 * the layout it has had since 0.1.0: the Gemini API records at the top level, issued tokens beside them, and
 * the Vertex records under `vertex`.
 */
import { GeminiState, emptyGeminiState } from "./gemini/state";
import { IssuedToken } from "./tokens";
import { emptyVertexState, VertexState } from "./vertex/state";

/** Everything the state file holds. */
export interface PersistedState extends GeminiState {
  version: 1;
  /** Vertex AI records; absent in files written before Vertex support (then empty). */
  vertex?: VertexState;
  tokens: IssuedToken[];
}

/** A fresh, empty state. */
export function emptyState(): PersistedState {
  return { version: 1, ...emptyGeminiState(), tokens: [], vertex: emptyVertexState() };
}
