// Builds a site for the gates through the real build script (content check, Astro, swap), as
// `npm run build` does: the seed site when `root` is omitted, a fixture site otherwise.
import { spawn } from "node:child_process";
import { join } from "node:path";

export const projectRoot = join(import.meta.dirname, "..", "..");

export interface SiteBuild {
  status: number;
  output: string;
  outDir: string;
  seconds: number;
}

export function buildSite(options: { outDir: string; root?: string }): Promise<SiteBuild> {
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
      resolve({
        status: code ?? 1,
        output,
        outDir: options.outDir,
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}
