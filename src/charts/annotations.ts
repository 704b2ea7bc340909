// Annotations: a short label above the plot with a dashed leader down to the point it is about,
// so labels never cover data. Each label has a row of its own, so two never collide, and it
// runs right of its leader in the left half of the chart and left of it in the right half.
// `x` names a category (as drawn); `y` is optional and defaults to the top of what is drawn there.
import * as Plot from "@observablehq/plot";
import type { Encoding } from "./encoding.ts";
import { sameValue } from "./filter.ts";
import type { CategoryKey } from "./resolve.ts";
import { wrapText } from "./theme.ts";

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

/** Each annotation at its category and value: the author's `y`, or the top of the stack there. */
export function placeAnnotations(enc: Encoding): PlacedAnnotation[] {
  const { chart } = enc;
  let row = 0;
  return chart.spec.annotations.map((a) => {
    const index = chart.categories.findIndex((c) => sameValue(c, a.x) || enc.labelOf(c) === String(a.x));
    const category = chart.categories[index]!;
    const here = chart.points.filter((p) => enc.labelOf(p.category) === enc.labelOf(category));
    const top = chart.spec.type.startsWith("stacked")
      ? here.reduce((sum, p) => sum + Math.max(0, p.value ?? 0), 0)
      : Math.max(0, ...here.map((p) => p.value ?? 0));
    const wrapped = wrapText(a.text, labelWidth(enc), enc.layout.fontSize);
    const lines = wrapped.length;
    const placed: PlacedAnnotation = {
      category,
      value: a.y ?? top,
      text: wrapped.join("\n"),
      lines,
      row,
      side: index < chart.categories.length / 2 ? "right" : "left",
    };
    row += lines;
    return placed;
  });
}

/** Vertical room the annotation labels need above the plot, in px. */
export function annotationRoom(enc: Encoding): number {
  if (!enc.chart.spec.annotations.length || enc.chart.orientation === "horizontal") return 0;
  const rows = placeAnnotations(enc).reduce((sum, a) => sum + a.lines, 0);
  return rows * lineHeight(enc) + 10;
}

export function annotationMarks(enc: Encoding, options: { clearance: number; top: number }): Plot.Markish[] {
  if (!enc.chart.spec.annotations.length) return [];
  const placed = placeAnnotations(enc);
  const className = "annotation";
  if (enc.chart.orientation === "horizontal") {
    // In a bar chart the note sits at the right of its category's row.
    return [
      Plot.text(placed, {
        fy: "category",
        text: "text",
        frameAnchor: "top-right",
        lineAnchor: "top",
        textAnchor: "end",
        dy: 2,
        fill: "currentColor",
        className,
      }),
    ];
  }
  const room = annotationRoom(enc);
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
