/** Small statistics helpers for the benchmarks. */

/** The median (mean of the two middle values for an even count). Throws on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Rounds to `digits` decimals (for results.json and the table). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** `[a, b, c]` as a compact list with `digits` decimals, e.g. for the notes under the table. */
export function list(values: readonly number[], digits = 0): string {
  return `[${values.map((v) => v.toFixed(digits)).join(", ")}]`;
}

/** Bytes per MiB: memory and throughput are both reported in MiB (1 MB = 1,048,576 bytes here). */
export const MIB = 1024 * 1024;
