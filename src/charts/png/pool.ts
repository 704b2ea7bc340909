// Rasterises many charts at once on a pool of worker threads, one per core: PNGs are the
// slowest part of a build (tens of ms each, against a few for an SVG). A chart is handed to a
// worker as soon as it is drawn, so rasterising runs beside whatever the main thread does next
// (checking the rest of the content, then waiting on Astro). Output bytes do not depend on which
// worker drew a chart or in what order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { defaultCacheDir } from "../../cache/folder.ts";
// Workers get a copy of process.env, so the allocator settings must be in place before they start.
import "./native-memory.ts";
import { hasCachedPng, pngKey } from "../../cache/pngs.ts";

export interface PngRun {
  /** Charts drawn now, and charts found in the cache. */
  drawn: number;
  cached: number;
  /** Mean milliseconds a worker spent on one PNG. */
  meanMs: number;
}

export interface PngPool {
  /** Queues a chart's standalone SVG unless its PNG is cached or queued; returns its cache key. */
  add(svg: string): string;
  /** Counts a chart whose PNG key is already known: true when that PNG is whole in the cache. */
  addCached(key: string): boolean;
  /** Resolves once every queued PNG is in the cache, and stops the workers. */
  finish(): Promise<PngRun>;
  /** Stops the workers at once; PNGs already written stay in the cache (they are whole). */
  cancel(): Promise<void>;
}

interface PoolWorker {
  worker: Worker;
  pending: number;
}

export function startPngPool(options: { threads?: number; cacheDir?: string } = {}): PngPool {
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const workers: PoolWorker[] = [];
  const seen = new Set<string>();
  let [queued, cached, finished, totalMs] = [0, 0, 0, 0];
  let failure: unknown;
  let settle: (() => void) | undefined;
  // Set once we terminate the workers ourselves, so their exits are not taken for crashes.
  let stopping = false;
  const allDone = () => finished === queued || failure !== undefined;

  // Workers start with the first chart that needs drawing, so a warm build starts none.
  const spawnWorker = (): PoolWorker => {
    const entry = {
      worker: new Worker(new URL("./worker.ts", import.meta.url), { workerData: { cacheDir } }),
      pending: 0,
    };
    entry.worker.on("message", (done: { ms: number }) => {
      entry.pending--;
      finished++;
      totalMs += done.ms;
      if (allDone()) settle?.();
    });
    entry.worker.on("error", (error) => {
      failure ??= error;
      settle?.();
    });
    // A worker that dies without an error event (killed, out of memory) must not leave finish()
    // waiting for ever on the charts it held.
    entry.worker.on("exit", (code) => {
      if (entry.pending > 0 && !stopping) {
        failure ??= new Error(`A PNG worker stopped (exit code ${code}) with ${entry.pending} charts left to draw`);
        settle?.();
      }
    });
    workers.push(entry);
    return entry;
  };
  // The least busy worker; while the main thread is busy no replies arrive, so this deals the
  // charts out in turn, which balances well since charts cost about the same.
  const pick = (): PoolWorker => {
    if (workers.length < threads) return spawnWorker();
    return workers.reduce((a, b) => (b.pending < a.pending ? b : a));
  };
  const stop = () => {
    stopping = true;
    return Promise.all(workers.map(({ worker }) => worker.terminate())).then(() => undefined);
  };

  return {
    add(svg) {
      const key = pngKey(svg);
      if (seen.has(key)) return key;
      seen.add(key);
      if (hasCachedPng(key, cacheDir)) {
        cached++;
        return key;
      }
      const target = pick();
      target.pending++;
      queued++;
      target.worker.postMessage({ key, svg });
      return key;
    },
    addCached(key) {
      if (seen.has(key)) return true;
      if (!hasCachedPng(key, cacheDir)) return false;
      seen.add(key);
      cached++;
      return true;
    },
    async finish() {
      if (!allDone()) await new Promise<void>((resolve) => (settle = resolve));
      await stop();
      if (failure !== undefined) throw failure;
      return { drawn: queued, cached, meanMs: queued ? totalMs / queued : 0 };
    },
    cancel: stop,
  };
}

/** Rasterises every chart of `jobs` into the cache; the ones already there are not drawn again. */
export async function renderPngs(
  jobs: Array<{ svg: string }>,
  options: { threads?: number; cacheDir?: string } = {},
): Promise<PngRun> {
  const pool = startPngPool(options);
  for (const job of jobs) pool.add(job.svg);
  const run = await pool.finish();
  // Count repeats of one chart as cached, as the callers count charts, not distinct drawings.
  return { ...run, cached: jobs.length - run.drawn };
}
