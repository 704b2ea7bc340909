// A worker thread that rasterises charts: receives { key, svg }, writes the PNG into the cache.
import { parentPort, workerData } from "node:worker_threads";
import { writeCachedPng } from "./png-cache.ts";
import { renderPng } from "./png.ts";

const { cacheDir } = workerData as { cacheDir: string };
parentPort!.on("message", (job: { key: string; svg: string }) => {
  const started = performance.now();
  writeCachedPng(job.key, renderPng(job.svg), cacheDir);
  parentPort!.postMessage({ key: job.key, ms: performance.now() - started });
});
