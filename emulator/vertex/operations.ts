/**
 * Starting Vertex long-running operations. The change an operation stands for (a delete, an undeploy) is
 * applied when it starts, so a GET of the resource right after already reflects it; the operation itself
 * reports `done` one step time later on the wall clock (at once with step time 0), so clients exercise their
 * operation polling. Pausing training does not hold operations back.
 */
import { newVertexId } from "./ids";
import { StoredVertexOperation, VertexOperationKind } from "./state";
import { VertexParent, VertexStore } from "./store";

/** Records a new operation and returns it. */
export function startVertexOperation(
  store: VertexStore,
  parent: VertexParent,
  kind: VertexOperationKind,
  target: string,
  now: number,
  stepMs: number,
): StoredVertexOperation {
  const operation: StoredVertexOperation = {
    id: newVertexId(),
    project: parent.project,
    location: parent.location,
    kind,
    target,
    createTimeMs: now,
    doneAtMs: now + Math.max(stepMs, 0),
  };
  store.addOperation(operation);
  return operation;
}
