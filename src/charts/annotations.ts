// Annotations: a short label above the plot with a dashed leader down to the point it is about,
// so labels never cover data. Each label has a row of its own, so two never collide, and it
// runs right of its leader in the left half of the chart and left of it in the right half.
// `x` names a category (as drawn); `y` is optional and defaults to the top of what is drawn there.
import * as Plot from "@observablehq/plot";
import type { Encoding } from "./encoding.ts";
import { sameValue } from "./filter.ts";
import type { CategoryKey } from "./resolve.ts";
import { textWidth, wrapText } from "./theme.ts";

export interface PlacedAnnotation {
  category: CategoryKey;
  value: number;
  /** The label, wrapped: lines joined by newlines (Plot draws each as a tspan). */
  text: string;
  /** Lines the wrapped label takes, and the first of them counted from the top. */
  lines: number;
  row: number;
  /** Whether the label runs right of its leader (left half) or left of it. */
  side: "right" | "left";
}

const lineHeight = (enc: Encoding) => Math.round(enc.layout.fontSize * 1.25);
const labelWidth = (enc: Encoding) => Math.round(enc.layout.width * 0.45);

/** The plot's side margins, where a kind sets them: a label's room runs to the chart's edges. */
interface Frame {
  marginLeft?: number;
  marginRight?: number;
}

/**
 * Each annotation at its category and value: the author's `y`, or the top of the stack there.
 * A label runs right of its leader in the left half and left of it in the right half, unless
 * the other side has the room it needs and this one does not (a narrow plot beside long
 * series names); it wraps to the room on its side.
 */
export function placeAnnotations(enc: Encoding, frame: Frame = {}): PlacedAnnotation[] {
  const { chart } = enc;
  let row = 0;
  return chart.spec.annotations.map((a) => {
    const index = chart.categories.findIndex((c) => sameValue(c, a.x) || enc.labelOf(c) === String(a.x));
    const category = chart.categories[index]!;
    const here = chart.points.filter((p) => enc.labelOf(p.category) === enc.labelOf(category));
    const top = chart.spec.type.startsWith("stacked")
      ? here.reduce((sum, p) => sum + Math.max(0, p.value ?? 0), 0)
      : Math.max(0, ...here.map((p) => p.value ?? 0));
    let side: PlacedAnnotation["side"] = index < chart.categories.length / 2 ? "right" : "left";
    let width = labelWidth(enc);
    if (chart.orientation === "horizontal") width = rowNotePlace(enc, category).width;
    else {
      // Where the leader stands, about: the middle of the category's share of the plot.
      const [left, right] = [frame.marginLeft ?? 40, frame.marginRight ?? 20];
      const x = left + ((index + 0.5) / chart.categories.length) * (enc.layout.width - left - right);
      const room = { right: enc.layout.width - x - 8, left: x - 8 };
      const needed = Math.min(width, textWidth(a.text, enc.layout.fontSize));
      const other = side === "right" ? "left" : "right";
      if (room[side] < needed && room[other] > room[side]) side = other;
      width = Math.max(enc.layout.fontSize * 4, Math.min(width, room[side]));
    }
    const wrapped = wrapText(a.text, width, enc.layout.fontSize);
    const lines = wrapped.length;
    const placed: PlacedAnnotation = { category, value: a.y ?? top, text: wrapped.join("\n"), lines, row, side };
    row += lines;
    return placed;
  });
}

/**
 * Where a note in a chart of rows goes: along its row's first line, right of the category's name
 * (bar.ts puts names above the bars when a chart has notes, wrapped as here), or under the name
 * when the name leaves too little room beside it. A note that takes more lines than the name
 * makes the room above every row's bars taller (`rowNoteLines`), so it never reaches down to
 * the bar and its value label.
 */
function rowNotePlace(enc: Encoding, category: CategoryKey): { width: number; below: number } {
  const { width, fontSize } = enc.layout;
  const name = wrapText(enc.labelOf(category), width - 24, fontSize, { breakWords: true });
  const widest = Math.max(...name.map((line) => textWidth(line, fontSize)));
  // The plot is narrower than the chart by its margins (value labels on the right): about a fifth.
  const beside = width * 0.8 - widest - 16;
  return beside >= width * 0.3 ? { width: beside, below: 0 } : { width: width * 0.75, below: name.length };
}

/** Lines from the top of the row that the notes at `category` reach down to. */
export function rowNoteLines(enc: Encoding, category: CategoryKey): number {
  if (!enc.chart.spec.annotations.length) return 0;
  const here = placeAnnotations(enc).filter((a) => enc.labelOf(a.category) === enc.labelOf(category));
  if (!here.length) return 0;
  return rowNotePlace(enc, category).below + here.reduce((sum, a) => sum + a.lines, 0);
}

/** Vertical room the annotation labels need above the plot, in px. */
export function annotationRoom(enc: Encoding, frame: Frame = {}): number {
  if (!enc.chart.spec.annotations.length || enc.chart.orientation === "horizontal") return 0;
  const rows = placeAnnotations(enc, frame).reduce((sum, a) => sum + a.lines, 0);
  return rows * lineHeight(enc) + 10;
}

export function annotationMarks(
  enc: Encoding,
  options: { clearance: number; top: number; frame: Frame },
): Plot.Markish[] {
  if (!enc.chart.spec.annotations.length) return [];
  const placed = placeAnnotations(enc, options.frame);
  const className = "annotation";
  if (enc.chart.orientation === "horizontal") {
    // In a bar chart the note sits at the right of its category's row, on the name's line(s),
    // a second note at the same row below the first.
    const before = (a: PlacedAnnotation) =>
      placed
        .filter((o) => o.row < a.row && enc.labelOf(o.category) === enc.labelOf(a.category))
        .reduce((sum, o) => sum + o.lines, 0);
    return placed.map((a) =>
      Plot.text([a], {
        fy: "category",
        text: "text",
        frameAnchor: "top-right",
        lineAnchor: "top",
        textAnchor: "end",
        lineHeight: 1.25,
        dy: 2 + (rowNotePlace(enc, a.category).below + before(a)) * lineHeight(enc),
        fill: "currentColor",
        className,
      }),
    );
  }
  const room = annotationRoom(enc, options.frame);
  return [
    // Leaders run from each label's row down to just above the value.
    ...placed.map((a) =>
      Plot.ruleX([a], {
        x: "category",
        y1: () => options.top,
        y2: "value",
        insetTop: -(room - 4 - (a.row + a.lines) * lineHeight(enc)),
        insetBottom: options.clearance,
        strokeDasharray: "3,3",
        className: "annotation-leader",
      }),
    ),
    ...placed.map((a) =>
      Plot.text([a], {
        x: "category",
        text: "text",
        frameAnchor: "top",
        lineAnchor: "top",
        textAnchor: a.side === "right" ? "start" : "end",
        dx: a.side === "right" ? -4 : 4,
        dy: -room + a.row * lineHeight(enc) + 2,
        lineHeight: 1.25,
        fill: "currentColor",
        className,
      }),
    ),
  ];
}
