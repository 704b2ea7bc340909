// Colours and sizes every chart kind shares. One palette serves light and dark pages: each colour
// has a relative luminance between 0.13 and 0.30, so it keeps 3:1 against white and near-black.

/**
 * Series colours in order, with their contrast against #ffffff / #15171c. Every pair stays at
 * least 11.6 CIE76 ΔE apart in normal vision and in simulated protanopia, deuteranopia and
 * tritanopia (Machado et al. 2009, full severity): test/charts/palette.test.ts checks both.
 * Six is also the most series a chart may have: beyond that readers cannot match colours.
 */
export const palette = [
  "#3b75b8", // blue    4.75 / 3.78
  "#d0572c", // orange  4.13 / 4.34
  "#2e8a6e", // green   4.22 / 4.25
  "#864eda", // violet  5.10 / 3.51
  "#9b583b", // brown   5.45 / 3.29
  "#7b8190", // grey    3.90 / 4.60
] as const;

/** The one colour of a single-series chart. */
export const primary = palette[0];
/** Highlighted categories. */
export const accent = palette[1];
/** A waterfall's rises and falls (its totals are `primary`): series colours, apart in every view the palette test checks. */
export const rise = palette[1];
export const fall = palette[2];
/** The other categories when some are highlighted. */
export const muted = "#7b8190";
/**
 * Opacity of the accent band behind highlighted categories on charts coloured by series. One
 * fixed colour has to read on both pages: a pale peach over white, a dark rust over #15171c, and
 * every series colour keeps 3:1 against the band on either (test/charts/palette.test.ts).
 */
export const bandOpacity = 0.09;

/** A rendering size. Both are drawn; CSS shows `narrow` in containers under 560 px (site.css). */
export interface Layout {
  name: "wide" | "narrow";
  width: number;
  fontSize: number;
  /** Most value labels drawn on bars before they crowd; more bars rely on the axis. */
  maxValueLabels: number;
  /** Approximate tick count on the value axis. */
  ticks: number;
}

export const layouts: readonly Layout[] = [
  { name: "wide", width: 640, fontSize: 14, maxValueLabels: 14, ticks: 6 },
  { name: "narrow", width: 320, fontSize: 14, maxValueLabels: 8, ticks: 4 },
];

/** Rough width of a label in px: enough to size margins without measuring text. */
export function textWidth(text: string, fontSize: number): number {
  // Generous: system fonts differ, and a label cut off is worse than a little extra margin.
  let em = 0;
  for (const char of text) em += /[A-Z£$€%mwMW@]/.test(char) ? 0.76 : /[il.,:;'| ()]/.test(char) ? 0.34 : 0.6;
  return em * fontSize;
}

/**
 * Breaks text into lines no wider than `maxWidth` px. A word longer than that gets a line of its
 * own (a category label may overhang its band a little), or with `breakWords`, for text that
 * spans the whole drawing (a title, a note), is cut where the line is full, as nothing may run
 * off the drawing's edge.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  options: { breakWords?: boolean } = {},
): string[] {
  const lines: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of options.breakWords ? words.flatMap((w) => splitWord(w, maxWidth, fontSize)) : words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** A word wider than the line on its own (a long URL, a code with no spaces) cut where the line is full. */
function splitWord(word: string, maxWidth: number, fontSize: number): string[] {
  if (textWidth(word, fontSize) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = "";
  for (const char of word) {
    if (piece && textWidth(piece + char, fontSize) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * A table's colour scale (`color:`), lightest to strongest, as cell backgrounds behind the page's
 * text: at least 7:1 against #1b1d22 in light mode and 6:1 against #e8e9ec in dark mode, so the
 * figures keep AA contrast in every cell (test/charts/table.test.ts). table-chart.css repeats them as
 * `.shade-0` to `.shade-4`; the standalone SVG and PNG, on white, use the light ones.
 */
export const tableShades = {
  light: ["#eef4fb", "#d6e5f5", "#bcd4ee", "#a0c2e6", "#85b0de"],
  dark: ["#1a2230", "#1f2f48", "#24395d", "#294673", "#2e538a"],
} as const;
