// Turns a CSV file's bytes into text: UTF-8 (BOM stripped) or Windows-1252, never mojibake.
import iconv from "iconv-lite";

export type Encoding = "utf-8" | "windows-1252";

/** Where decoding failed: the byte as `0xA3`, its offset in the bytes, and the text read before it. */
export interface DecodeFailure {
  kind: "invalid" | "mismatch";
  /** `0xA3` for an invalid byte; the first non-ASCII character for a mismatch. */
  actual: string;
  /** Text decoded before the failure, so the caller can turn it into a line and column. */
  before: string;
  encoding: "UTF-8" | "Windows-1252";
}

export type DecodeResult = { text: string } | { failure: DecodeFailure };

const BOM = [0xef, 0xbb, 0xbf];
/** Bytes Windows-1252 leaves undefined; iconv-lite would turn them into U+FFFD. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const hasBom = (bytes: Uint8Array): boolean => BOM.every((b, i) => bytes[i] === b);
const hex = (byte: number): string => `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/**
 * Offset of the first byte that is not well-formed UTF-8 (Unicode table 3-7: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or -1 when every byte is.
 */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? low : 0x80;
      const hi = k === 1 ? high : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}

const utf8 = (bytes: Uint8Array): string => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

/** Decodes as UTF-8, failing at the first invalid byte. */
function decodeUtf8(bytes: Uint8Array): DecodeResult {
  const start = hasBom(bytes) ? 3 : 0;
  const bad = firstInvalidUtf8(bytes, start);
  if (bad === -1) return { text: utf8(bytes.subarray(start)) };
  return {
    failure: {
      kind: "invalid",
      actual: hex(bytes[bad]!),
      before: utf8(bytes.subarray(start, bad)),
      encoding: "UTF-8",
    },
  };
}

/**
 * Decodes as Windows-1252 with iconv-lite. A file that is really UTF-8 (a BOM, or non-ASCII bytes
 * that are all well-formed UTF-8) is refused: reading it as 1252 would give `Â£` for `£`.
 */
function decodeWindows1252(bytes: Uint8Array): DecodeResult {
  const firstHigh = bytes.findIndex((b) => b >= 0x80);
  if (hasBom(bytes) || (firstHigh !== -1 && firstInvalidUtf8(bytes) === -1)) {
    const start = hasBom(bytes) ? 3 : 0;
    const text = utf8(bytes.subarray(start));
    const index = [...text].findIndex((c) => c.codePointAt(0)! >= 0x80);
    const char = index === -1 ? "\uFEFF" : [...text][index]!;
    const before = index === -1 ? "" : [...text].slice(0, index).join("");
    return { failure: { kind: "mismatch", actual: char, before, encoding: "Windows-1252" } };
  }
  const bad = bytes.findIndex((b) => UNDEFINED_1252.has(b));
  if (bad !== -1) {
    return {
      failure: {
        kind: "invalid",
        actual: hex(bytes[bad]!),
        before: iconv.decode(Buffer.from(bytes.subarray(0, bad)), "windows-1252"),
        encoding: "Windows-1252",
      },
    };
  }
  return { text: iconv.decode(Buffer.from(bytes), "windows-1252") };
}

/** Decodes CSV bytes in the sidecar's encoding (UTF-8 unless it says `windows-1252`). */
export function decodeCsv(options: { bytes: Uint8Array; encoding: Encoding }): DecodeResult {
  return options.encoding === "windows-1252" ? decodeWindows1252(options.bytes) : decodeUtf8(options.bytes);
}
