// Turns Plot's SVG element into the markup we ship: deterministic ids, accessible name and
// description, no inline <style>, validator-clean attributes, rounded coordinates, and each
// axis's ticks as one path.

export interface SvgFinish {
  /** Unique per page: the chart id plus the layout name. */
  idPrefix: string;
  title: string;
  description: string;
  fontSize: number;
}

// A decimal number with two or more fraction digits, e.g. 221.92307692307693. Coordinates keep
// one: a twentieth of a pixel at most, never visible, and every digit is repeated on every page.
const LONG_DECIMAL = /-?\d+\.\d{2,}/g;
const round = (text: string) => text.replace(LONG_DECIMAL, (n) => String(Math.round(Number(n) * 10) / 10));
const NUMERIC_ATTRIBUTES = new Set([
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "width",
  "height",
  "d",
  "transform",
  "points",
  "cx",
  "cy",
  "r",
  "dx",
  "dy",
]);

/** Mutates `svg` in place and returns its markup. */
export function finishSvg(svg: Element, finish: SvgFinish): string {
  const document = svg.ownerDocument;
  const ids = new Map<string, string>();
  for (const style of [...svg.querySelectorAll("style")]) style.remove();
  for (const element of [svg, ...svg.querySelectorAll("*")]) {
    for (const name of ["aria-label", "aria-hidden", "aria-description"]) element.removeAttribute(name);
    const variant = element.getAttribute("font-variant");
    if (variant) {
      element.removeAttribute("font-variant");
      element.setAttribute("style", `font-variant-numeric:${variant}`);
    }
    const id = element.getAttribute("id");
    if (id) {
      const renamed = `${finish.idPrefix}-${ids.size + 1}`;
      ids.set(id, renamed);
      element.setAttribute("id", renamed);
    }
    for (const name of NUMERIC_ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value && LONG_DECIMAL.test(value)) element.setAttribute(name, round(value));
      LONG_DECIMAL.lastIndex = 0;
    }
  }
  // Plot's clip and pattern ids come from a process-wide counter; point references at the new names.
  if (ids.size) {
    for (const element of svg.querySelectorAll("[clip-path], [fill^='url('], [mask]")) {
      for (const name of ["clip-path", "fill", "mask"]) {
        const value = element.getAttribute(name);
        const match = value?.match(/^url\(#(.+)\)$/);
        if (match && ids.has(match[1]!)) element.setAttribute(name, `url(#${ids.get(match[1]!)})`);
      }
    }
  }
  mergeTicks(svg);
  svg.setAttribute("class", "plotline-chart");
  svg.removeAttribute("font-family");
  svg.setAttribute("font-size", String(finish.fontSize));
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", `${finish.idPrefix}-title`);
  svg.setAttribute("aria-describedby", `${finish.idPrefix}-desc`);
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.setAttribute("id", `${finish.idPrefix}-title`);
  title.textContent = finish.title;
  const desc = document.createElementNS("http://www.w3.org/2000/svg", "desc");
  desc.setAttribute("id", `${finish.idPrefix}-desc`);
  desc.textContent = finish.description;
  svg.insertBefore(desc, svg.firstChild);
  svg.insertBefore(title, svg.firstChild);
  return svg.outerHTML;
}

// Plot draws each tick of an axis as its own path, "M0,0L0,6", moved into place by a transform.
const TICK_PATH = /^M0,0L(-?[\d.]+),(-?[\d.]+)$/;
const TRANSLATE = /^translate\((-?[\d.]+),(-?[\d.]+)\)$/;

/**
 * Redraws every group of tick paths (one tick too) as one path with a move and a line per tick: the same strokes
 * (the group carries the stroke) in about a third of the bytes, which keeps a story page with
 * three bar charts under 60 KB.
 */
function mergeTicks(svg: Element): void {
  for (const group of svg.querySelectorAll("g")) {
    const ticks = [...group.children];
    if (ticks.length < 1) continue;
    const segments: string[] = [];
    for (const tick of ticks) {
      const segment = tickSegment(tick);
      if (!segment) break;
      segments.push(segment);
    }
    if (segments.length !== ticks.length) continue;
    const [first, ...rest] = ticks;
    first!.setAttribute("d", segments.join(""));
    first!.removeAttribute("transform");
    for (const tick of rest) tick.remove();
  }
}

/** A tick path as an absolute move and a relative line, or undefined for anything else. */
function tickSegment(tick: Element): string | undefined {
  if (tick.tagName.toLowerCase() !== "path" || tick.attributes.length !== 2) return undefined;
  const line = TICK_PATH.exec(tick.getAttribute("d") ?? "");
  const at = TRANSLATE.exec(tick.getAttribute("transform") ?? "");
  return line && at ? `M${at[1]},${at[2]}l${line[1]},${line[2]}` : undefined;
}
