import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { blobId, getBlob, hasBlob, listBlobsAfresh, putBlob } from "../../src/cache/blobs.ts";
import { scratchDir } from "../build-helper.ts";

describe("the blob folder", () => {
  // The listing stays on once turned on in a process, so the test without it comes first.
  it("is asked file by file unless a listing is on, so a blob deleted between loads is seen to be gone", () => {
    const dir = scratchDir();
    const id = putBlob("a chart's drawing", dir);
    expect(hasBlob(id, dir)).toBe(true);
    rmSync(join(dir, `${id}.txt`));
    expect(hasBlob(id, dir)).toBe(false);
  });

  it("with a listing on, finds blobs written since it was read, and stores what is missing", () => {
    const dir = scratchDir();
    const before = putBlob("written before", dir);
    listBlobsAfresh();
    expect(hasBlob(before, dir)).toBe(true);
    // Another process writes a blob after the folder was listed: it is still found.
    const later = blobId("written by another process");
    writeFileSync(join(dir, `${later}.txt`), "written by another process");
    expect(hasBlob(later, dir)).toBe(true);
    // A blob that is nowhere is stored, and then known.
    const missing = putBlob("not there yet", dir);
    expect(getBlob(missing, dir)).toBe("not there yet");
    expect(hasBlob(missing, dir)).toBe(true);
    expect(hasBlob(blobId("never written"), dir)).toBe(false);
  });
});
