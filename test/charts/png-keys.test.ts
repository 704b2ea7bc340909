import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openPngKeyMemo } from "../../src/cache/png-keys.ts";
import { draw } from "./helpers.ts";

const chart = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: One").chart!;
const other = draw("data: budget\ntype: column\nx: year\ny: overspend\ntitle: Two").chart!;

/** Asks the memo for a key, recording whether it had to be worked out. */
function keyOf(memo: ReturnType<typeof openPngKeyMemo>, of: typeof chart, usable = true) {
  let workedOut = false;
  const key = memo.keyOf(
    of,
    () => usable,
    () => {
      workedOut = true;
      return `key-of-${of.title}`;
    },
  );
  return { key, workedOut };
}

describe("remembered PNG keys", () => {
  it("works a key out once, and remembers it for the next build of the same chart", () => {
    const dir = mkdtempSync(join(tmpdir(), "plotline-keys-"));
    const first = openPngKeyMemo(dir);
    expect(keyOf(first, chart)).toEqual({ key: "key-of-One", workedOut: true });
    first.save();
    expect(keyOf(openPngKeyMemo(dir), chart)).toEqual({ key: "key-of-One", workedOut: false });
  });

  it("works the key out again for a changed chart, or when the remembered PNG is gone", () => {
    const dir = mkdtempSync(join(tmpdir(), "plotline-keys-"));
    const first = openPngKeyMemo(dir);
    keyOf(first, chart);
    first.save();
    expect(keyOf(openPngKeyMemo(dir), other).workedOut).toBe(true);
    expect(keyOf(openPngKeyMemo(dir), chart, false).workedOut).toBe(true);
  });

  it("keeps only the keys the last build used, and survives a damaged file", () => {
    const dir = mkdtempSync(join(tmpdir(), "plotline-keys-"));
    const first = openPngKeyMemo(dir);
    keyOf(first, chart);
    first.save();
    const second = openPngKeyMemo(dir);
    keyOf(second, other);
    second.save();
    expect(keyOf(openPngKeyMemo(dir), chart).workedOut).toBe(true);
    writeFileSync(join(dir, "png-keys.json"), "{not json");
    expect(keyOf(openPngKeyMemo(dir), other).workedOut).toBe(true);
  });
});
