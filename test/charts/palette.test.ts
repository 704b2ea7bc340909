import { describe, expect, it } from "vitest";
import { accent, bandOpacity, fall, muted, palette, primary, rise } from "../../src/charts/theme.ts";

// Colour-vision deficiency simulation: Machado, Oliveira and Fernandes (2009), severity 1.0,
// applied to linear RGB; distances are CIE76 ΔE in CIELAB (D65).
const deficiencies = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const linear = (hex: string) =>
  [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];

const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(linear(a)), luminance(linear(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

function lab([r, g, b]: number[]): [number, number, number] {
  const x = (0.4124 * r! + 0.3576 * g! + 0.1805 * b!) / 0.95047;
  const y = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  const z = (0.0193 * r! + 0.1192 * g! + 0.9505 * b!) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const simulate = (rgb: number[], matrix: number[][]) =>
  matrix.map((row) =>
    Math.min(
      1,
      Math.max(
        0,
        row.reduce((sum, m, i) => sum + m * rgb[i]!, 0),
      ),
    ),
  );

const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));

describe("the chart palette", () => {
  it("keeps 3:1 against the light and the dark page for every colour", () => {
    for (const colour of [...palette, primary, accent, muted, rise, fall]) {
      expect(contrast(colour, "#ffffff"), colour).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, "#15171c"), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it("keeps every pair of series colours apart in normal vision and three colour-vision deficiencies", () => {
    const views = { normal: null, ...deficiencies };
    for (const [name, matrix] of Object.entries(views)) {
      for (let i = 0; i < palette.length; i++) {
        for (let j = i + 1; j < palette.length; j++) {
          const a = linear(palette[i]!);
          const b = linear(palette[j]!);
          const d = matrix ? distance(lab(simulate(a, matrix)), lab(simulate(b, matrix))) : distance(lab(a), lab(b));
          expect(d, `${name}: ${palette[i]} vs ${palette[j]}`).toBeGreaterThanOrEqual(11);
        }
      }
    }
  });

  it("keeps 3:1 for every colour against the highlight band on the light and the dark page", () => {
    // The band is the accent at `bandOpacity` over the page: composite it as the browser does.
    const band = (page: string) =>
      "#" +
      [1, 3, 5]
        .map((i) => {
          const [under, over] = [page, accent].map((hex) => parseInt(hex.slice(i, i + 2), 16));
          return Math.round(under! * (1 - bandOpacity) + over! * bandOpacity)
            .toString(16)
            .padStart(2, "0");
        })
        .join("");
    for (const page of ["#ffffff", "#15171c"]) {
      // Visible: the band differs from the page it lies on.
      expect(distance(lab(linear(band(page))), lab(linear(page))), page).toBeGreaterThanOrEqual(6);
      for (const colour of [...palette, primary, accent]) {
        expect(contrast(colour, band(page)), `${colour} on ${band(page)}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("keeps the highlight accent apart from the muted colour for every reader", () => {
    for (const matrix of Object.values(deficiencies)) {
      const d = distance(lab(simulate(linear(accent), matrix)), lab(simulate(linear(muted), matrix)));
      expect(d).toBeGreaterThanOrEqual(11);
    }
  });

  it("keeps a waterfall's rises, falls and totals apart from one another for every reader", () => {
    const colours = [rise, fall, primary];
    for (const matrix of [null, ...Object.values(deficiencies)]) {
      for (const [i, a] of colours.entries()) {
        for (const b of colours.slice(i + 1)) {
          const view = (hex: string) => lab(matrix ? simulate(linear(hex), matrix) : linear(hex));
          expect(distance(view(a), view(b)), `${a} vs ${b}`).toBeGreaterThanOrEqual(11);
        }
      }
    }
  });
});
