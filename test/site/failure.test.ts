import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFixture, scratchDir } from "../build-helper.ts";

describe("a build with content errors", () => {
  it("exits non-zero, prints every error with its position, and keeps the last good site", async () => {
    const outDir = join(scratchDir(), "dist");
    const good = await buildFixture("site-basic", outDir);
    expect(good.status).toBe(0);
    const before = readFileSync(join(outDir, "stories/trust-overspend/index.html"), "utf8");
    const files = readdirSync(outDir, { recursive: true }).sort();

    const broken = await buildFixture("site-broken", outDir);
    expect(broken.status).toBe(1);
    expect(broken.output).toContain("data/budget.csv:3:9: error: Unexpected `£1.2bn` in column `overspend`");
    expect(broken.output).toContain(
      "content/stories/broken.md:14:4: error: Unexpected column `cuont` for `y`, not in dataset `other`",
    );
    expect(broken.output).toContain("hint: did you mean `count`?");
    expect(broken.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace

    expect(readdirSync(outDir, { recursive: true }).sort()).toEqual(files);
    expect(readFileSync(join(outDir, "stories/trust-overspend/index.html"), "utf8")).toBe(before);
  });
});
