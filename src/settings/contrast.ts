// WCAG 2.2 contrast between two sRGB colours written as hex, for checking a newsroom's accent
// against the page backgrounds of src/styles/site.css.

// `#rgb` or `#rrggbb`, case-insensitive.
export const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The page backgrounds the accent is drawn on (`--bg` in src/styles/site.css, light and dark). */
export const PAGE_BACKGROUNDS = { light: "#ffffff", dark: "#15171c" } as const;

/** The accent site.css ships (`--accent`, light and dark): a config naming these changes nothing. */
export const DEFAULT_ACCENT = { light: "#b8441f", dark: "#f08a65" } as const;

/**
 * WCAG's threshold for normal text (AA). The accent also draws borders and marks, which need 3:1
 * (graphical objects); a colour that reaches 4.5:1 reaches that too, so one check serves both.
 */
export const TEXT_CONTRAST = 4.5;

/** `#abc` → `#aabbcc`, lowercase. */
export function normaliseHex(colour: string): string {
  const hex = colour.slice(1).toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((c) => c + c).join("") : hex}`;
}

/** WCAG relative luminance of a hex colour. */
export function luminance(colour: string): number {
  const hex = normaliseHex(colour).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The contrast ratio, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
