// Rasterises a standalone chart SVG to PNG with resvg, using only the Inter TTF files the
// project ships (no system fonts), so every machine draws the same pixels.
import { createRequire } from "node:module";
import "./native-memory.ts"; // before resvg loads: it reads the settings then
import { Resvg } from "@resvg/resvg-js";
import { encodePng } from "./png-encode.ts";
import { STANDALONE_WIDTH } from "./standalone.ts";

/** Pixels per CSS px: 600 CSS px become a 1200 px image, sharp on high-density screens. */
export const PNG_SCALE = 2;
export const PNG_WIDTH = STANDALONE_WIDTH * PNG_SCALE;

const require = createRequire(import.meta.url);
// Resolved from the project's node_modules, so the bytes are the same wherever the build runs.
export const fontFiles = [
  "@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf",
  "@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf",
].map((file) => require.resolve(file));

export function renderPng(svg: string): Uint8Array<ArrayBuffer> {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: PNG_WIDTH },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: "Inter" },
    logLevel: "off",
  });
  const image = resvg.render();
  // Reading `image.pixels` into a 4 MB Buffer also keeps memory flat: V8 counts that Buffer, so it
  // collects often, and each collection frees resvg's native images (which V8 cannot see). With
  // resvg's own `asPng()` nothing pressed V8 to collect, and a worker grew by 5 MB a chart.
  // A copy over a plain ArrayBuffer, which a web Response accepts (a Node Buffer's type does not).
  return new Uint8Array(encodePng(image.width, image.height, image.pixels));
}
