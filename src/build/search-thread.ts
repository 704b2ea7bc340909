// The build's search index, run on a worker thread (search-worker.ts) so that Pagefind is fed
// while the main thread is busy; the same SearchIndexer as search-index.ts's, which does the work.
import { Worker } from "node:worker_threads";
import type { SearchIndexer, SearchIndexResult } from "./search-index.ts";

export type SearchRequest = { add: { dir: string; files: string[] } } | { write: string } | { discard: true };
export type SearchReply = { result: SearchIndexResult } | { error: string } | { discarded: true };

/** Starts an index on its own thread; see `startSearchIndex` for `background`. */
export function startSearchIndexThread(options: { background?: boolean } = {}): SearchIndexer {
  const worker = new Worker(new URL("./search-worker.ts", import.meta.url), { workerData: options });
  const send = (request: SearchRequest) => worker.postMessage(request);
  const answered = new Promise<SearchReply>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`The search index's thread stopped (exit code ${code}).`)));
  });
  // Awaited by write or discard; until then a failed thread must not end the build on its own.
  answered.catch(() => undefined);
  return {
    add: (dir, files) => send({ add: { dir, files: [...files] } }),
    write: async (dir) => {
      send({ write: dir });
      const reply = await answered;
      if ("error" in reply) throw new Error(`Search indexing failed: ${reply.error}`);
      if (!("result" in reply)) throw new Error("The search index was discarded before it was written.");
      return reply.result;
    },
    discard: async () => {
      send({ discard: true });
      await answered.catch(() => undefined);
      await worker.terminate();
    },
  };
}
