// Builds a fixture site through the real build script (content check, Astro, swap) into a
// temporary folder, and reads what it wrote.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";

export const projectRoot = join(import.meta.dirname, "..", "..");

export interface BuildResult {
  status: number;
  output: string;
  outDir: string;
  read: (path: string) => string;
}

/** Builds `fixture` (a folder under test/fixtures, or an absolute path) into `outDir`. */
export function buildFixture(
  fixture: string,
  outDir = join(scratchDir(), "dist"),
  env: Record<string, string> = {},
): BuildResult {
  const result = spawnSync(process.execPath, [join(projectRoot, "scripts", "build.ts")], {
    cwd: projectRoot,
    encoding: "utf8",
    env: {
      ...process.env,
      TZ: "UTC",
      PLOTLINE_ROOT: isAbsolute(fixture) ? fixture : join(projectRoot, "test", "fixtures", fixture),
      PLOTLINE_OUT_DIR: outDir,
      ...env,
    },
  });
  return {
    status: result.status ?? 1,
    output: `${result.stdout}${result.stderr}`,
    outDir,
    read: (path) => readFileSync(join(outDir, path), "utf8"),
  };
}

/**
 * A fresh folder for a build's output inside the project (under .cache/, ignored by git): Astro
 * shares its `.astro/.prerender/` between builds whose output is outside the project, so two
 * such builds at once can mix their files.
 */
export function scratchDir(): string {
  const parent = join(projectRoot, ".cache", "builds");
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, "build-"));
}
