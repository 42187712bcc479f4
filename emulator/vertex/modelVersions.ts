/**
 * Model versions in the store: version 1 of a model is the record keyed by the model id; continuous tuning
 * adds versions keyed `{model id}@{version}`. A name's `@1` and `@default` mean version 1 (the "default"
 * alias stays on the first version, which the emulator never moves).
 */

/** The model id of a record key (`123@2` -> `123`). */
export function modelIdOf(key: string): string {
  return key.split("@")[0];
}

/** The version id of a record key (`123@2` -> `2`, `123` -> `1`). */
export function versionIdOf(key: string): string {
  return key.split("@")[1] ?? "1";
}

/** The record key a name's last segment names (`123`, `123@1`, `123@default` -> `123`; `123@2` -> `123@2`). */
export function recordKeyOf(segment: string): string {
  const [id, version] = segment.split("@");
  return version === undefined || version === "1" || version === "default" ? id : `${id}@${version}`;
}

/** The key of the version after the highest of `keys` that belong to model `id`. */
export function nextVersionKey(id: string, keys: Iterable<string>): string {
  let highest = 1;
  for (const key of keys) if (modelIdOf(key) === id) highest = Math.max(highest, Number(versionIdOf(key)));
  return `${id}@${highest + 1}`;
}
