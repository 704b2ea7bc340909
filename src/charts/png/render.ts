// Rasterises a standalone chart SVG to PNG with resvg, using only the font files the project
// ships (no system fonts), so every machine draws the same pixels: Inter, and for text in other
// scripts a Noto Sans font of that script.
import { createRequire } from "node:module";
import "./native-memory.ts"; // before resvg loads: it reads the settings then
import { Resvg } from "@resvg/resvg-js";
import { STANDALONE_WIDTH } from "../standalone.ts";
import { encodePng } from "./encode.ts";

/** Pixels per CSS px: 600 CSS px become a 1200 px image, sharp on high-density screens. */
export const PNG_SCALE = 2;
export const PNG_WIDTH = STANDALONE_WIDTH * PNG_SCALE;

const require = createRequire(import.meta.url);
// Resolved from the project's node_modules, so the bytes are the same wherever the build runs.
const shipped = (family: string, file: string, weights: string[]) =>
  weights.map((weight) => require.resolve(`@expo-google-fonts/${family}/${weight}/${file}_${weight}.ttf`));

// Inter covers Latin, Greek and Cyrillic.
export const fontFiles = shipped("inter", "Inter", ["400Regular", "700Bold"]);

// Scripts Inter lacks that a British newsroom's data is likely to hold (names in Urdu, Bengali,
// Punjabi, Gujarati, Hindi, Arabic, Hebrew), each with the Noto font resvg falls back to for it.
// Only a chart with such text loads one, so every other chart's PNG stays as cheap as before.
// Regular weight only: resvg takes the first font with the glyph, whatever the weight asked for.
const fallbacks: Array<{ script: RegExp; files: string[] }> = [
  {
    script: /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/,
    files: shipped("noto-sans-arabic", "NotoSansArabic", ["400Regular"]),
  },
  { script: /[\u0590-\u05ff\ufb1d-\ufb4f]/, files: shipped("noto-sans-hebrew", "NotoSansHebrew", ["400Regular"]) },
  {
    script: /[\u0900-\u097f\ua8e0-\ua8ff]/,
    files: shipped("noto-sans-devanagari", "NotoSansDevanagari", ["400Regular"]),
  },
  { script: /[\u0980-\u09ff]/, files: shipped("noto-sans-bengali", "NotoSansBengali", ["400Regular"]) },
  { script: /[\u0a00-\u0a7f]/, files: shipped("noto-sans-gurmukhi", "NotoSansGurmukhi", ["400Regular"]) },
  { script: /[\u0a80-\u0aff]/, files: shipped("noto-sans-gujarati", "NotoSansGujarati", ["400Regular"]) },
];

/** Every font file a PNG may be drawn with: part of the PNG cache's key. */
export const allFontFiles = [...fontFiles, ...fallbacks.flatMap((f) => f.files)];

/** Inter, and the fallback fonts of the scripts the SVG's text uses. */
export function fontFilesFor(svg: string): string[] {
  return [...fontFiles, ...fallbacks.filter((f) => f.script.test(svg)).flatMap((f) => f.files)];
}

export function renderPng(svg: string): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: PNG_WIDTH },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles: fontFilesFor(svg), defaultFontFamily: "Inter" },
    logLevel: "off",
  });
  const image = resvg.render();
  // Reading `image.pixels` into a 4 MB Buffer also keeps memory flat: V8 counts that Buffer, so it
  // collects often, and each collection frees resvg's native images (which V8 cannot see). With
  // resvg's own `asPng()` nothing pressed V8 to collect, and a worker grew by 5 MB a chart.
  // A copy over a plain ArrayBuffer, which a web Response accepts (a Node Buffer's type does not).
  return new Uint8Array(encodePng(image.width, image.height, image.pixels));
}
