// `npm run bench`: builds generated sites of 100 and 1,000 stories cold, warm and with one story
// changed, in two shapes (datasets shared by many stories; one dataset per chart, as newsrooms
// work), and prints wall time, the edit's share of the cold build, each build's phases, peak
// memory, per-chart cost and page sizes (BENCH_SIZES=100,1000,3000 for 3,000 stories); then adds a council's
// payments file of 20,000 to 200,000 rows to a 100-story site and measures `check` and the build.
// A place template of 150 councils x 3 charts beside 100 stories (`places`) is measured cold, warm,
// with the template edited and with one story edited.
// BENCH_SCENARIOS (archive,many,big,places), BENCH_SIZES and BENCH_ROWS choose what runs. The corpora
// stay in bench-out/ (outside git) as plain markdown and CSV. Figures go in docs/benchmarks.md.
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { loadSite } from "../src/site/site.ts";
import { writeCorpus, writePlaces, writeTransactions } from "./bench-corpus.ts";

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

/** Each build's phases as the build printed them, a row per build, for the second table. */
const phaseRows: string[][] = [];

/** One archive build: cold, warm, one story changed; a row of the table. */
async function archiveScenario(stories: number, shape: "shared" | "per-chart"): Promise<string[]> {
  const name = `${shape === "shared" ? "corpus" : "many"}-${stories}`;
  const root = join(out, name);
  const dist = join(out, `dist-${name}`);
  const cache = join(out, `cache-${name}`);
  const corpus = writeCorpus({ dir: root, stories, datasets: shape === "shared" ? undefined : "per-chart" });
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
  const share = (100 * changed.seconds) / cold.seconds;
  console.log(`  one story changed ${fmt(changed.seconds)} s, ${fmt(share)} % of cold (${changed.phases})`);
  const corpusName = shape === "shared" ? "shared" : "one per chart";
  for (const [build, run] of [
    ["cold", cold],
    ["one changed", changed],
  ] as const) {
    phaseRows.push([corpusName, String(stories), build, fmt(run.seconds), fmt(run.peakMiB, 0), run.phases]);
  }

  const pngTimes = join(cache, "png-ms.json");
  const pngMs = existsSync(pngTimes)
    ? (JSON.parse(readFileSync(pngTimes, "utf8")) as { mean: number }).mean
    : Number.NaN;
  const story = pageSizes(join(dist, "stories"));
  const embed = pageSizes(join(dist, "embed"));
  return [
    shape === "shared" ? "shared" : "one per chart",
    String(stories),
    String(site.charts.size),
    String(corpus.datasets),
    fmt(cold.seconds),
    fmt(warm.seconds),
    fmt(changed.seconds),
    fmt(share),
    fmt(Math.max(cold.peakMiB, warm.peakMiB, changed.peakMiB), 0),
    fmt(svgMs, 2),
    fmt(pngMs),
    `${fmt(story.median)} / ${fmt(story.max)}`,
    `${fmt(embed.median)} / ${fmt(embed.max)}`,
    [cold, warm, changed].every((r) => r.status === 0) ? "ok" : "FAILED",
  ];
}

/** Runs `npm run check`'s script on a site; its wall time in seconds. */
function timedCheck(root: string): Promise<{ seconds: number; status: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(project, "scripts", "check.ts"), "--no-facts"], {
      cwd: project,
      env: { ...process.env, TZ: "UTC", PLOTLINE_ROOT: root },
      stdio: "ignore",
    });
    child.on("exit", (code) => resolve({ seconds: (performance.now() - started) / 1000, status: code ?? 1 }));
  });
}

/**
 * A council's payments file of `rows` rows added to a 100-story archive: how much longer `check`
 * and the build take, and how much more memory, than the same archive without it.
 */
async function bigFileScenario(rows: number, baseline: Run): Promise<string[]> {
  const root = join(out, `big-${rows}`);
  const dist = join(out, `dist-big-${rows}`);
  const cache = join(out, `cache-big-${rows}`);
  writeCorpus({ dir: root, stories: 100 });
  writeTransactions({ dir: root, rows });
  const bytes = statSync(join(root, "data", "transactions.csv")).size;
  const check = await timedCheck(root);
  for (const dir of [cache, dist, `${dist}.previous`]) rmSync(dir, { recursive: true, force: true });
  const build = await measuredBuild({
    PLOTLINE_ROOT: root,
    PLOTLINE_OUT_DIR: dist,
    PLOTLINE_CACHE_DIR: cache,
    PLOTLINE_SITE_URL: "https://bench.example.org",
  });
  const page = join(dist, "data", "transactions", "index.html");
  console.log(`  ${rows} rows: check ${fmt(check.seconds)} s, build ${fmt(build.seconds)} s (${build.phases})`);
  return [
    String(rows),
    fmt(bytes / 2 ** 20),
    fmt(check.seconds),
    fmt(build.seconds),
    fmt(build.seconds - baseline.seconds),
    fmt(build.peakMiB, 0),
    fmt(build.peakMiB - baseline.peakMiB, 0),
    existsSync(page) ? fmt(statSync(page).size / 1024) : "–",
    check.status === 0 && build.status === 0 ? "ok" : "FAILED",
  ];
}

/**
 * A place template of 150 councils (3 charts each, 450 charts) beside a 100-story archive: cold,
 * warm, the template edited (its 151 pages rebuilt alone) and one story edited (the places kept).
 */
async function placesScenario(): Promise<string[]> {
  const root = join(out, "places-150");
  const dist = join(out, "dist-places-150");
  const cache = join(out, "cache-places-150");
  writeCorpus({ dir: root, stories: 100 });
  writePlaces({ dir: root, places: 150 });
  const env = {
    PLOTLINE_ROOT: root,
    PLOTLINE_OUT_DIR: dist,
    PLOTLINE_CACHE_DIR: cache,
    PLOTLINE_SITE_URL: "https://bench.example.org",
  };
  for (const dir of [cache, dist, `${dist}.previous`]) rmSync(dir, { recursive: true, force: true });
  console.log("\nA place template of 150 councils x 3 charts beside 100 stories");
  const cold = await measuredBuild(env);
  console.log(`  cold ${fmt(cold.seconds)} s (${cold.phases})`);
  const warm = await measuredBuild(env);
  console.log(`  warm ${fmt(warm.seconds)} s (${warm.phases})`);
  const template = join(root, "content", "places", "councils.md");
  writeFileSync(template, readFileSync(template, "utf8").replace("among every council,", "among all councils,"));
  const edited = await measuredBuild(env);
  console.log(`  template edited ${fmt(edited.seconds)} s (${edited.phases})`);
  appendFileSync(join(root, "content", "stories", "story-0.md"), "\nA correction added after publication.\n");
  const story = await measuredBuild(env);
  console.log(`  one story edited ${fmt(story.seconds)} s (${story.phases})`);
  const places = pageSizes(join(dist, "places", "councils"));
  return [
    "150 x 3",
    fmt(cold.seconds),
    fmt(warm.seconds),
    fmt(edited.seconds),
    fmt(story.seconds),
    fmt(Math.max(cold.peakMiB, warm.peakMiB, edited.peakMiB, story.peakMiB), 0),
    `${fmt(places.median)} / ${fmt(places.max)}`,
    [cold, warm, edited, story].every((r) => r.status === 0) ? "ok" : "FAILED",
  ];
}

const scenarios = (process.env.BENCH_SCENARIOS ?? "archive,many,big,places").split(",");
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
// The machine may be shared: its load averages (1, 5, 15 minutes) at the start and end of the run
// say how far its figures can be compared with another run's.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
const tables: string[] = [`${machine}; load averages at the start ${load()}`];
const markdown = (head: string[], rows: string[][]) =>
  [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

const archiveRows: string[][] = [];
for (const [scenario, shape] of [
  ["archive", "shared"],
  ["many", "per-chart"],
] as const) {
  if (!scenarios.includes(scenario)) continue;
  for (const stories of sizes) archiveRows.push(await archiveScenario(stories, shape));
}
if (archiveRows.length) {
  const head = [
    "datasets",
    "stories",
    "charts",
    "datasets",
    "cold s",
    "warm s",
    "one changed s",
    "one changed % of cold",
    "peak MiB",
    "SVG ms/chart",
    "PNG ms/chart",
    "story KiB median / max",
    "embed KiB median / max",
    "builds",
  ];
  tables.push(markdown(head, archiveRows));
  tables.push(
    markdown(["datasets", "stories", "build", "wall s", "peak MiB", "phases (the build's own report)"], phaseRows),
  );
}

if (scenarios.includes("big")) {
  // The same 100-story archive without the file, built cold, is the baseline.
  const root = join(out, "big-0");
  const dist = join(out, "dist-big-0");
  const cache = join(out, "cache-big-0");
  writeCorpus({ dir: root, stories: 100 });
  for (const dir of [cache, dist, `${dist}.previous`]) rmSync(dir, { recursive: true, force: true });
  const baseline = await measuredBuild({
    PLOTLINE_ROOT: root,
    PLOTLINE_OUT_DIR: dist,
    PLOTLINE_CACHE_DIR: cache,
    PLOTLINE_SITE_URL: "https://bench.example.org",
  });
  console.log(
    `\nA big payments file beside 100 stories (without it: ${fmt(baseline.seconds)} s, ${fmt(baseline.peakMiB, 0)} MiB)`,
  );
  const bigRows: string[][] = [];
  const rowCounts = (process.env.BENCH_ROWS ?? "20000,50000,100000,200000").split(",").map(Number);
  for (const rows of rowCounts) bigRows.push(await bigFileScenario(rows, baseline));
  const head = [
    "rows",
    "CSV MiB",
    "check s",
    "build s",
    "build s added",
    "peak MiB",
    "peak MiB added",
    "dataset page KiB",
    "runs",
  ];
  tables.push(markdown(head, bigRows));
}

if (scenarios.includes("places")) {
  const head = [
    "places x charts",
    "cold s",
    "warm s",
    "template edited s",
    "one story edited s",
    "peak MiB",
    "place page KiB median / max",
    "builds",
  ];
  tables.push(markdown(head, [await placesScenario()]));
}

tables.push(`Load averages at the end: ${load()}.`);
console.log(`\n${tables.join("\n\n")}`);
writeFileSync(join(out, "results.md"), `${tables.join("\n\n")}\n`);
