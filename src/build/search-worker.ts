// The search index on a thread of its own (started by search-thread.ts). The build's main thread
// spends seconds at a time on synchronous work beside Astro (checking the content, linking the
// kept files); Pagefind, fed from there, sat idle meanwhile. Here its pages are read and sent
// whatever the main thread is doing.
import { parentPort, workerData } from "node:worker_threads";
import { startSearchIndex } from "./search-index.ts";
import type { SearchRequest, SearchReply } from "./search-thread.ts";

const indexer = startSearchIndex(workerData as { background?: boolean });

/** Answers once, then lets the thread end (Pagefind is closed by then). */
const reply = (message: SearchReply) => {
  parentPort!.postMessage(message);
  parentPort!.close();
};

parentPort!.on("message", (request: SearchRequest) => {
  if ("add" in request) indexer.add(request.add.dir, request.add.files);
  else if ("write" in request)
    indexer.write(request.write).then(
      (result) => reply({ result }),
      (error: unknown) => reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  else
    indexer.discard().then(
      () => reply({ discarded: true }),
      () => reply({ discarded: true }),
    );
});
