/**
 * Rendering of proto `float` fields.
 *
 * Proto3 JSON prints a `float` with the shortest decimal that round-trips through 32-bit precision (the wire
 * shows `meanLoss: 1.402067`, `completedPercent: 36.842106`), not the 17-digit double a plain
 * `JSON.stringify` would give. Emitting the same form lets clients see exactly what the real service sends.
 */

/** The shortest decimal that maps to the same 32-bit float as `value`. */
export function float32(value: number): number {
  if (!Number.isFinite(value)) return value;
  const target = Math.fround(value);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return target;
}
