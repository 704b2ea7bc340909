// Builds a site in process through the real pipeline (content check, Astro, search, swap), as
// `npm run build` does, into a scratch folder, and keeps what it printed. A fixture is a folder
// under test/fixtures (or an absolute path); without one, the seed site (the project itself).
// Tests that must kill a build mid-way spawn scripts/build.ts instead (test/site/recovery.test.ts).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { build } from "../src/build/build.ts";
import { CACHE_DIR_ENV, DRAFTS_ENV } from "../src/build/env.ts";

export const projectRoot = join(import.meta.dirname, "..");

export interface SiteBuild {
  status: number;
  output: string;
  outDir: string;
  seconds: number;
}

export interface BuildResult extends SiteBuild {
  read: (path: string) => string;
}

/**
 * Builds `fixture` into `outDir`. `env` holds the settings a newsroom would set in the environment
 * (PLOTLINE_CACHE_DIR, PLOTLINE_DRAFTS, PLOTLINE_SITE_URL).
 */
export async function buildFixture(
  fixture: string | undefined,
  outDir = join(scratchDir(), "dist"),
  env: Record<string, string> = {},
): Promise<BuildResult> {
  const root =
    fixture === undefined
      ? projectRoot
      : isAbsolute(fixture)
        ? fixture
        : join(projectRoot, "test", "fixtures", fixture);
  let output = "";
  const started = performance.now();
  const { status } = await build({
    project: projectRoot,
    root,
    outDir,
    cacheDir: env[CACHE_DIR_ENV],
    drafts: env[DRAFTS_ENV] === "1",
    // Fixtures in the repository stay as committed; a copy in a scratch folder keeps its record.
    writeRecord: !root.startsWith(join(projectRoot, "test", "fixtures")),
    env: { ...process.env, TZ: "UTC", ...env },
    output: { out: (text) => (output += text), err: (text) => (output += text), live: false },
  });
  return {
    status,
    output,
    outDir,
    seconds: (performance.now() - started) / 1000,
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

/**
 * Runs `npm run build`'s script itself in a child process, as a newsroom does, for the tests of
 * what the command line promises: its exit status and everything it prints.
 */
export function runBuildCommand(options: { outDir: string; root?: string }): Promise<SiteBuild> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "UTC", PLOTLINE_OUT_DIR: options.outDir };
  // The seed site is the project itself: PLOTLINE_ROOT must be absent, not empty.
  if (options.root) env.PLOTLINE_ROOT = options.root;
  else delete env.PLOTLINE_ROOT;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, "scripts", "build.ts")], { cwd: projectRoot, env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ status: code ?? 1, output, outDir: options.outDir, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

/** Every file under `dir` with its bytes, for comparing two builds. */
export const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((file) => [file.slice(dir.length), readFileSync(file).toString("base64")]);
