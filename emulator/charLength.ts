/**
 * Length as Google's human-facing limits count it (display names, labels, example texts): in characters,
 * i.e. code points, not UTF-16 units.
 */

/** Length of `text` in code points. */
export function charLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
