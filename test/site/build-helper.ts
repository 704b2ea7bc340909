// Builds a fixture site through the real build script (content check, Astro, swap) into a
// temporary folder, and reads what it wrote.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const projectRoot = join(import.meta.dirname, "..", "..");

export interface BuildResult {
  status: number;
  output: string;
  outDir: string;
  read: (path: string) => string;
}

export function buildFixture(
  fixture: string,
  outDir = join(mkdtempSync(join(tmpdir(), "plotline-")), "dist"),
): BuildResult {
  const result = spawnSync(process.execPath, [join(projectRoot, "scripts", "build.ts")], {
    cwd: projectRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      TZ: "UTC",
      PLOTLINE_ROOT: join(projectRoot, "test", "fixtures", fixture),
      PLOTLINE_OUT_DIR: outDir,
    },
  });
  return {
    status: result.status ?? 1,
    output: `${result.stdout}${result.stderr}`,
    outDir,
    read: (path) => readFileSync(join(outDir, path), "utf8"),
  };
}
