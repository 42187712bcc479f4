/**
 * The input key an autonamed id is recorded under. The engine's preview summary (`[diff: ...]`) lists
 * every input that differs except keys starting with `__`; an autonamed id is new on every replacement
 * because it follows from the training spec, so under `tunedModelId` it would be listed as if it were a
 * reason. A chosen id stays under `tunedModelId`: changing it is a reason.
 */
export const AUTONAMED_ID_KEY = "__tunedModelId";

/**
 * Where check puts the id. Earlier versions recorded an autonamed id under `tunedModelId`; while the id
 * stays the one recorded there (no replacement) it stays there too, so those stacks see no change in an
 * in-place update. Their first replacement moves it, and its summary shows `-tunedModelId` once.
 */
export function withRecordedId<T extends { tunedModelId: string; autonamed: boolean }>(checked: T, olds: Record<string, unknown>): Omit<T, "tunedModelId"> & { tunedModelId?: string } {
  if (!checked.autonamed) return checked;
  const recordedByEarlierVersion = olds.autonamed === true && olds.tunedModelId === checked.tunedModelId;
  if (recordedByEarlierVersion) return checked;
  const { tunedModelId, ...rest } = checked;
  return { ...rest, [AUTONAMED_ID_KEY]: tunedModelId };
}

/** The model id of recorded inputs, wherever check put it. */
export function recordedTunedModelId(inputs: Record<string, unknown>): string {
  return (inputs.tunedModelId ?? inputs[AUTONAMED_ID_KEY]) as string;
}

/** Recorded inputs with the id back under `tunedModelId`, as diff, create and update read them. */
export function withIdInPlace<T extends Record<string, unknown>>(inputs: T): Omit<T, typeof AUTONAMED_ID_KEY> & { tunedModelId: string } {
  const { [AUTONAMED_ID_KEY]: _moved, ...rest } = inputs;
  return { ...rest, tunedModelId: recordedTunedModelId(inputs) };
}
