// Rasterises many charts at once on a pool of worker threads, one per core: PNGs are the
// slowest part of a build (tens of ms each, against a few for an SVG). Output bytes do not
// depend on which worker drew them or in what order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { defaultCacheDir } from "./cache.ts";
import { hasCachedPng, pngKey } from "./png-cache.ts";

/** Set by scripts/build.ts: it writes /charts/<id>.png itself, so Astro's route draws none. */
export const PNGS_BY_BUILD_ENV = "PLOTLINE_PNGS_BY_BUILD";

export interface PngJob {
  svg: string;
}

export interface PngRun {
  /** Charts drawn now, and charts found in the cache. */
  drawn: number;
  cached: number;
  /** Mean milliseconds a worker spent on one PNG. */
  meanMs: number;
}

export async function renderPngs(
  jobs: PngJob[],
  options: { threads?: number; cacheDir?: string } = {},
): Promise<PngRun> {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const todo = new Map<string, string>();
  for (const job of jobs) {
    const key = pngKey(job.svg);
    if (!todo.has(key) && !hasCachedPng(key, cacheDir)) todo.set(key, job.svg);
  }
  const queue = [...todo];
  if (!queue.length) return { drawn: 0, cached: jobs.length, meanMs: 0 };
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), queue.length));
  let total = 0;
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(new URL("./png-worker.ts", import.meta.url), { workerData: { cacheDir } });
      return new Promise<void>((resolve, reject) => {
        const next = () => {
          const job = queue.shift();
          if (!job) {
            void worker.terminate().then(() => resolve());
            return;
          }
          worker.postMessage({ key: job[0], svg: job[1] });
        };
        worker.on("message", (done: { ms: number }) => {
          total += done.ms;
          next();
        });
        worker.on("error", reject);
        next();
      });
    }),
  );
  return { drawn: todo.size, cached: jobs.length - todo.size, meanMs: total / todo.size };
}
