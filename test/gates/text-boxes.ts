// The overlap gate's two halves: measuring every text box of a chart's SVG in Chromium, and
// finding the boxes that collide or leave the SVG (a pure function, so it has tests of its own).
import type { Page } from "playwright-core";

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface TextBox extends Box {
  text: string;
}

export interface MeasuredSvg {
  /** The chart's id: its figure's id on a page, the file's name for a standalone SVG. */
  chart: string;
  svg: Box;
  texts: TextBox[];
}

/**
 * Every visible SVG matching `selector` on the page, with the page-coordinate box of each of its
 * visible <text> elements. A <text> is one box with its <tspan>s (a wrapped label is one label).
 */
export function measureSvgs(page: Page, selector: string): Promise<MeasuredSvg[]> {
  return page.evaluate((selector) => {
    const boxOf = (element: Element) => {
      const r = element.getBoundingClientRect();
      return { left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
    };
    const visible = (element: Element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    return [...document.querySelectorAll(selector)].filter(visible).map((svg) => ({
      chart:
        svg.closest("figure")?.id ??
        location.pathname
          .split("/")
          .pop()!
          .replace(/\.svg$/, ""),
      svg: boxOf(svg),
      texts: [...svg.querySelectorAll("text")]
        .filter((text) => visible(text) && text.textContent!.trim() !== "")
        .map((text) => ({ text: text.textContent!.replace(/\s+/g, " ").trim(), ...boxOf(text) })),
    }));
  }, selector);
}

/** The size in px two boxes may share (antialiasing, fonts' side bearings) before they collide. */
const TOLERANCE = 1;

/** One sentence per pair of colliding texts and per text outside its SVG, naming chart and width. */
export function textProblems(measured: MeasuredSvg, where: string): string[] {
  const problems: string[] = [];
  const { texts, svg } = measured;
  const name = (t: TextBox) => `"${t.text.length > 60 ? `${t.text.slice(0, 57)}...` : t.text}"`;
  for (let i = 0; i < texts.length; i++) {
    const a = texts[i]!;
    for (let j = i + 1; j < texts.length; j++) {
      const b = texts[j]!;
      const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (across > TOLERANCE && down > TOLERANCE) {
        problems.push(
          `${measured.chart} at ${where}: ${name(a)} overlaps ${name(b)} by ${across.toFixed(1)} x ${down.toFixed(1)} px`,
        );
      }
    }
    const out = Math.max(svg.left - a.left, a.right - svg.right, svg.top - a.top, a.bottom - svg.bottom);
    if (out > TOLERANCE) {
      problems.push(`${measured.chart} at ${where}: ${name(a)} leaves the SVG by ${out.toFixed(1)} px`);
    }
  }
  return problems;
}
