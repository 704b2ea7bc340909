// Bytes to text: UTF-8 validated byte by byte, Windows-1252 only when declared.
import { describe, expect, it } from "vitest";
import * as decode from "../../src/data/decode.ts";
import { decodeCsv, firstInvalidUtf8 } from "../../src/data/decode.ts";

const bytes = (...parts: (string | number)[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from([p]))));

describe("the decode module", () => {
  it("exports the decoder and the UTF-8 validator", () => {
    expect(Object.keys(decode).sort()).toEqual(["decodeCsv", "firstInvalidUtf8"]);
  });
});

describe("UTF-8", () => {
  it("finds the first byte that is not well-formed, including overlong forms and surrogates", () => {
    expect(firstInvalidUtf8(bytes("£ € 😀"))).toBe(-1);
    expect(firstInvalidUtf8(bytes("ab", 0xa3))).toBe(2);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes("x", 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes("ok", 0xe2, 0x82))).toBe(2);
  });

  it("strips one byte order mark and reports the text read before a bad byte", () => {
    expect(decodeCsv({ bytes: bytes(0xef, 0xbb, 0xbf, "a,b"), encoding: "utf-8" })).toEqual({ text: "a,b" });
    expect(decodeCsv({ bytes: bytes("a\nb£", 0x80), encoding: "utf-8" })).toEqual({
      failure: { kind: "invalid", actual: "0x80", before: "a\nb£", encoding: "UTF-8" },
    });
  });
});

describe("Windows-1252", () => {
  it("decodes the bytes Excel writes for £, €, curly quotes and dashes", () => {
    expect(decodeCsv({ bytes: bytes(0xa3, 0x80, 0x93, 0x94, 0x96, 0xe9), encoding: "windows-1252" })).toEqual({
      text: "£€“”–é",
    });
  });

  it("refuses text that is really UTF-8, with or without a byte order mark", () => {
    expect(decodeCsv({ bytes: bytes("a,£5"), encoding: "windows-1252" })).toEqual({
      failure: { kind: "mismatch", actual: "£", before: "a,", encoding: "Windows-1252" },
    });
    expect(decodeCsv({ bytes: bytes(0xef, 0xbb, 0xbf, "a"), encoding: "windows-1252" })).toMatchObject({
      failure: { kind: "mismatch" },
    });
  });
});
