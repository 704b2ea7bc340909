// A worker thread that rasterises charts: receives { key, svg }, writes the PNG into the cache.
// Jobs are queued here and drawn one per turn of the event loop: Node hands a worker every waiting
// message in one turn, and resvg's native images are freed only by finalizers that run between
// turns, so drawing a backlog of charts in one turn grew the worker by 10 MB a chart (measured).
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { writeCachedPng } from "../../cache/pngs.ts";
import { renderPng } from "./render.ts";

const { cacheDir } = workerData as { cacheDir: string };

// Rasterising gives way to everything else in the build. Whatever the main thread and Astro do is
// on the way to the finished site; PNGs are only needed at the very end, and they fill the cores
// whenever the rest waits. At equal priority the main thread got a third of two cores while
// checking the content and Astro rendered alone once the PNGs were done, leaving a core idle.
// On Linux a thread has its own nice value, set through its thread id; elsewhere this does nothing.
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), 10);
} catch {
  // No /proc (not Linux): draw at normal priority.
}
const queue: Array<{ key: string; svg: string }> = [];

// A chart's pixels (4 MB, held by resvg) are freed only when V8 collects the small Buffer that
// points at them, and V8 sees no hurry: two workers held 400 MB between collections. A young-
// generation collection after each chart frees them at once for well under a millisecond
// (measured over 400 charts: peak 500 -> 273 MB, no slower), which keeps the build under 2 GiB.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as (options: { type: "minor" }) => void;
const collectYoung = () => gc({ type: "minor" });

function drawNext(): void {
  const job = queue.shift();
  if (!job) return;
  const started = performance.now();
  writeCachedPng(job.key, renderPng(job.svg), cacheDir);
  collectYoung();
  parentPort!.postMessage({ key: job.key, ms: performance.now() - started });
  if (queue.length) setImmediate(drawNext);
}

parentPort!.on("message", (job: { key: string; svg: string }) => {
  queue.push(job);
  if (queue.length === 1) setImmediate(drawNext);
});
