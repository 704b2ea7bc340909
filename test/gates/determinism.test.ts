// Gate 5, determinism: the seed site built twice, into two folders, is the same bytes in every
// file (pages, charts, downloads, feeds, sitemap and the search index alike).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { describe, expect, inject, it } from "vitest";

const first = inject("seed");
const second = inject("seedAgain");

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split(sep).join("/"))
    .sort();
}

/** Where two versions of a file part, as `file: first … | second …`, for the failure message. */
function firstDifference(file: string, a: Buffer, b: Buffer): string {
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const around = (buffer: Buffer) => JSON.stringify(buffer.subarray(Math.max(0, at - 40), at + 40).toString("utf8"));
  return `${file} at byte ${at}: ${around(a)} | ${around(b)}`;
}

describe("two builds of the seed site", () => {
  const files = filesIn(first.outDir);
  const again = filesIn(second.outDir);

  it("both succeed", () => {
    expect(second.status, second.output).toBe(0);
    expect(files.length).toBeGreaterThan(0);
  });

  it("write the same files", () => {
    expect({
      onlyInFirst: files.filter((f) => !again.includes(f)),
      onlyInSecond: again.filter((f) => !files.includes(f)),
    }).toEqual({ onlyInFirst: [], onlyInSecond: [] });
  });

  it("write every file byte for byte the same", () => {
    const differing: string[] = [];
    for (const file of files.filter((f) => again.includes(f))) {
      const a = readFileSync(join(first.outDir, file));
      const b = readFileSync(join(second.outDir, file));
      if (!a.equals(b)) differing.push(firstDifference(file, a, b));
    }
    console.log(`determinism: compared ${files.length} files of the seed site`);
    expect(differing).toEqual([]);
  });
});
