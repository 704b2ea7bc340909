// Where each dot of a strip sits across its category: a deterministic dodge (a beeswarm), so
// rows that share a category and a value lie side by side instead of on top of each other.
import type { Encoding } from "../encoding.ts";
import type { Point } from "../resolve.ts";

export interface StripPoint extends Point {
  /** Across the category, in dot widths from its centre line: 0, 1, -1, 2, -2... */
  offset: number;
}

/** Whether a dot chart is a strip: categories (not dates or numbers) and some repeated. */
export function isStrip(enc: Encoding): boolean {
  const { chart } = enc;
  if (!["string", "period", "boolean"].includes(chart.category.type)) return false;
  return chart.points.length > chart.categories.length * chart.seriesNames.length;
}

/** The dot radius for this many dots: smaller as they grow denser. */
export const dotRadius = (count: number): number => (count > 300 ? 2.5 : count > 60 ? 3.5 : 5);

/**
 * Each point with its offset. Points are placed in value order per category; a point takes the
 * slot nearest the centre where it touches no dot placed before it (`toPx` maps a value to px).
 * Only dots within one diameter above are compared, so dense strips stay near linear; a point
 * that finds no slot within `maxSlot` goes on the centre line, and `crowded` says so.
 */
export function dodgeStrip(
  points: Point[],
  options: { toPx: (v: number) => number; r: number; maxSlot: number },
): { placed: StripPoint[]; crowded: boolean } {
  const { toPx, r, maxSlot } = options;
  let crowded = false;
  const slotPx = 2 * r + 1;
  const groups = new Map<string, Point[]>();
  for (const p of points) {
    const key = p.category instanceof Date ? `d${p.category.getTime()}` : `${typeof p.category}:${p.category}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const placed: StripPoint[] = [];
  for (const group of groups.values()) {
    const sorted = group.map((p, i) => ({ p, i, y: toPx(p.value!) })).sort((a, b) => a.y - b.y || a.i - b.i);
    const here: Array<{ y: number; slot: number }> = [];
    for (const { p, y } of sorted) {
      const near: number[] = [];
      for (let j = here.length - 1; j >= 0 && y - here[j]!.y < 2 * r + 1; j--) near.push(j);
      const free = (slot: number) =>
        near.every((j) => Math.hypot((slot - here[j]!.slot) * slotPx, y - here[j]!.y) >= 2 * r + 1);
      let slot: number | undefined;
      for (let k = 0; k <= 2 * maxSlot; k++) {
        const candidate = k % 2 ? (k + 1) / 2 : -k / 2;
        if (free(candidate)) {
          slot = candidate;
          break;
        }
      }
      if (slot === undefined) crowded = true;
      slot ??= 0;
      here.push({ y, slot });
      placed.push({ ...p, offset: slot });
    }
  }
  return { placed, crowded };
}

/** The largest radius, from `r` down to 1.5 px, at which every dot of the strip finds a slot. */
export function fitStrip(
  points: Point[],
  options: { toPx: (v: number) => number; r: number; band: number },
): { placed: StripPoint[]; r: number; half: number } {
  let fit: { placed: StripPoint[]; r: number; half: number } | undefined;
  for (let r = options.r; r >= 1.5; r -= 0.5) {
    const half = Math.max(1, options.band / 2 / (2 * r + 1));
    const { placed, crowded } = dodgeStrip(points, { toPx: options.toPx, r, maxSlot: Math.floor(half) });
    fit = { placed, r, half };
    if (!crowded) break;
  }
  return fit!;
}
