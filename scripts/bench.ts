// `npm run bench`: builds generated sites of 100 and 1,000 stories cold, warm and with one story
// changed, and prints wall time, peak memory, per-chart cost and page sizes. The corpora stay in
// bench-out/ (outside git) as plain markdown and CSV. Figures go in docs/benchmarks.md by hand.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { loadSite } from "../src/site/site.ts";
import { writeCorpus } from "./bench-corpus.ts";

const project = process.cwd();
const out = join(project, "bench-out");
const sizes = (process.env.BENCH_SIZES ?? "100,1000").split(",").map(Number);

interface Run {
  status: number;
  seconds: number;
  peakMiB: number;
  /** The build's own summary: how long each of its phases took. */
  phases: string;
}

/** Runs the build script, sampling the resident memory of its whole process tree. */
function measuredBuild(env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(project, "scripts", "build.ts")], {
      cwd: project,
      env: { ...process.env, TZ: "UTC", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let [stdout, stderr] = ["", ""];
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    let peak = 0;
    const timer = setInterval(() => (peak = Math.max(peak, treeMemoryKiB(child.pid!))), 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      if (code !== 0) console.error(stderr.slice(-4000));
      // "Built … : content 20.1 s, Astro 50.2 s, search and last PNGs 5.0 s, …" or "Nothing changed …".
      const phases = /^(?:Built .*?: (.*)\.|(Nothing changed).*)$/m.exec(stdout);
      resolve({
        status: code ?? 1,
        seconds: (performance.now() - started) / 1000,
        peakMiB: peak / 1024,
        phases: phases?.[1] ?? phases?.[2] ?? "",
      });
    });
  });
}

/**
 * Memory (KiB) a process and all its descendants hold, from /proc: the sum of their proportional
 * set sizes (PSS), which counts a page shared by two processes (the Node binary, say) half to
 * each, so the total is what the build takes from the machine. Plain RSS would count it twice.
 */
function treeMemoryKiB(root: number): number {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const pid of parents.keys()) {
    let p: number | undefined = pid;
    while (p && p !== root) p = parents.get(p);
    if (p !== root) continue;
    try {
      const match = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      total += Number(match?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Median and largest size in KiB of the `index.html` pages under `dir` (one folder per page). */
function pageSizes(dir: string): { median: number; max: number } {
  if (!existsSync(dir)) return { median: Number.NaN, max: Number.NaN };
  const sizes = readdirSync(dir)
    .map((name) => join(dir, name, "index.html"))
    .filter((path) => existsSync(path))
    .map((path) => statSync(path).size / 1024)
    .sort((a, b) => a - b);
  return { median: sizes[Math.floor((sizes.length - 1) / 2)] ?? Number.NaN, max: sizes.at(-1) ?? Number.NaN };
}
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

const rows: string[][] = [];
for (const stories of sizes) {
  const root = join(out, `corpus-${stories}`);
  const dist = join(out, `dist-${stories}`);
  const cache = join(out, `cache-${stories}`);
  const corpus = writeCorpus({ dir: root, stories });
  const env = {
    PLOTLINE_ROOT: root,
    PLOTLINE_OUT_DIR: dist,
    PLOTLINE_CACHE_DIR: cache,
    PLOTLINE_SITE_URL: "https://bench.example.org",
  };
  console.log(`\n${stories} stories, ${corpus.charts} charts, ${corpus.datasets} datasets`);

  // Drawing cost alone, in this process, without a cache: every chart of the corpus once.
  const drawStart = performance.now();
  const site = loadSite({ root });
  const svgMs = (performance.now() - drawStart) / Math.max(1, site.charts.size);
  if (site.messages.some((m) => m.fatal !== false)) throw new Error(`corpus has errors: ${site.messages[0]?.reason}`);

  rmSync(cache, { recursive: true, force: true });
  // The site a build replaces stays beside it until the next build: a cold build starts with neither.
  for (const dir of [dist, `${dist}.previous`]) rmSync(dir, { recursive: true, force: true });
  const cold = await measuredBuild(env);
  console.log(`  cold ${fmt(cold.seconds)} s (${cold.phases})`);
  const warm = await measuredBuild(env);
  console.log(`  warm ${fmt(warm.seconds)} s (${warm.phases})`);
  appendFileSync(join(root, "content", "stories", "story-0.md"), "\nA correction added after publication.\n");
  const changed = await measuredBuild(env);
  console.log(`  one story changed ${fmt(changed.seconds)} s (${changed.phases})`);

  const pngTimes = join(cache, "png-ms.json");
  const pngMs = existsSync(pngTimes)
    ? (JSON.parse(readFileSync(pngTimes, "utf8")) as { mean: number }).mean
    : Number.NaN;
  const story = pageSizes(join(dist, "stories"));
  const embed = pageSizes(join(dist, "embed"));
  rows.push([
    String(stories),
    String(site.charts.size),
    fmt(cold.seconds),
    fmt(warm.seconds),
    fmt(changed.seconds),
    fmt(Math.max(cold.peakMiB, warm.peakMiB, changed.peakMiB), 0),
    fmt(svgMs, 2),
    fmt(pngMs),
    `${fmt(story.median)} / ${fmt(story.max)}`,
    `${fmt(embed.median)} / ${fmt(embed.max)}`,
    [cold, warm, changed].every((r) => r.status === 0) ? "ok" : "FAILED",
  ]);
}

const head = [
  "stories",
  "charts",
  "cold s",
  "warm s",
  "one changed s",
  "peak MiB",
  "SVG ms/chart",
  "PNG ms/chart",
  "story KiB median / max",
  "embed KiB median / max",
  "builds",
];
const table = [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\n${machine}\n\n${table}`);
writeFileSync(join(out, "results.md"), `${machine}\n\n${table}\n`);
