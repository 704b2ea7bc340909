// Gate 6, safe failure, on the real seed site: a copy of its last good build stands in dist/, a
// broken site is built over it, and the build must exit non-zero, print every error (from the
// CSV and from the story, not just the first) with no stack trace, and leave every file of the
// good site byte for byte as it was. test/site/failure.test.ts checks the same on a small fixture.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { projectRoot, runBuildCommand, type SiteBuild } from "../build-helper.ts";

const seed = inject("seed");

function snapshot(dir: string): Map<string, Buffer> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile());
  return new Map(files.map((f) => [f.split(sep).join("/"), readFileSync(join(dir, f))]));
}

describe("a broken site built over the seed site's last good build", () => {
  const scratch = mkdtempSync(join(projectRoot, ".cache", "gates-failure-"));
  const outDir = join(scratch, "dist");
  let before: Map<string, Buffer>;
  let broken: SiteBuild;
  beforeAll(async () => {
    cpSync(seed.outDir, outDir, { recursive: true });
    before = snapshot(outDir);
    broken = await runBuildCommand({ outDir, root: join(projectRoot, "test", "fixtures", "site-broken") });
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("exits non-zero", () => {
    expect(broken.status).not.toBe(0);
  });

  it("prints every error with its file, line and column, and no stack trace", () => {
    const errors = broken.output.match(/^\S+:\d+:\d+: error: .+$/gm) ?? [];
    const summary = broken.output.match(/^(\d+) errors?, \d+ warnings?$/m);
    expect(summary, broken.output).not.toBeNull();
    expect(errors).toHaveLength(Number(summary![1]));
    // Both files' errors: the build did not stop at the first bad file.
    expect(new Set(errors.map((e) => e.split(":")[0]))).toEqual(
      new Set(["data/budget.csv", "content/stories/broken.md"]),
    );
    expect(broken.output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });

  it("leaves every file of the good site as it was, and no half-built folder beside it", () => {
    const after = snapshot(outDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect([...before].filter(([file, bytes]) => !after.get(file)?.equals(bytes)).map(([file]) => file)).toEqual([]);
    expect(existsSync(`${outDir}.next`)).toBe(false);
  });
});
