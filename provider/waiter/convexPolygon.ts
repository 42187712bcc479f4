/** A point of the (a, d) plane: job start time `a` and step duration `d`, both in milliseconds. */
export interface Point {
  /** First coordinate. */
  x: number;
  /** Second coordinate. */
  y: number;
}

/** The half-plane `ax·x + ay·y ≤ c`. */
export interface HalfPlane {
  /** Coefficient of x. */
  ax: number;
  /** Coefficient of y. */
  ay: number;
  /** Bound. */
  c: number;
}

/** The axis-aligned rectangle [x0, x1] × [y0, y1] as a counter-clockwise polygon. */
export function rectangle(x0: number, x1: number, y0: number, y1: number): Point[] {
  return [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];
}

/**
 * Clips a convex polygon to a half-plane (one Sutherland–Hodgman pass). The result is convex, possibly
 * empty. Intersecting a rectangle with a handful of half-planes this way is exact and cheap enough to
 * redo on every poll.
 */
export function clip(polygon: readonly Point[], plane: HalfPlane): Point[] {
  const value = (p: Point) => plane.ax * p.x + plane.ay * p.y - plane.c;
  const result: Point[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const current = polygon[i];
    const next = polygon[(i + 1) % polygon.length];
    const vc = value(current);
    const vn = value(next);
    if (vc <= 0) result.push(current);
    if ((vc < 0 && vn > 0) || (vc > 0 && vn < 0)) {
      const t = vc / (vc - vn);
      result.push({ x: current.x + t * (next.x - current.x), y: current.y + t * (next.y - current.y) });
    }
  }
  return result;
}

/** The range of the linear function `kx·x + ky·y` over a non-empty convex polygon (attained at vertices). */
export function linearRange(polygon: readonly Point[], kx: number, ky: number): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const p of polygon) {
    const v = kx * p.x + ky * p.y;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
