// Astro content loaders over loadSite: one load feeds both collections, and in `astro dev`
// a change to a story, CSV or sidecar reloads them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Loader, LoaderContext } from "astro/loaders";
import { formatReport } from "../errors/print.ts";
import { loadSite, type Site } from "./site.ts";

type Fill = (site: Site, context: LoaderContext) => void;

export function plotlineLoader(options: { root: string }) {
  let pending: Promise<Site> | undefined;
  const site = () =>
    (pending ??= Promise.resolve().then(() =>
      loadSite({ root: options.root, drafts: process.env.PLOTLINE_DRAFTS === "1" }),
    ));
  const reloaders: Array<() => Promise<void>> = [];
  let watching = false;
  const watched = [join(options.root, "data"), join(options.root, "content")];

  const sync = async (fill: Fill, context: LoaderContext) => {
    const current = await site();
    const errors = current.messages.filter((m) => m.fatal !== false);
    if (errors.length) {
      const readSource = (file: string) => {
        try {
          return readFileSync(join(options.root, file), "utf8");
        } catch {
          return undefined;
        }
      };
      // A content error is the author's to fix: print it as positions and hints, not a stack.
      const error = new Error(`Plotline found content errors:\n\n${formatReport(errors, { readSource })}`);
      error.stack = error.message;
      throw error;
    }
    context.store.clear();
    fill(current, context);
  };

  const loader = (name: string, fill: Fill): Loader => ({
    name,
    load: async (context) => {
      await sync(fill, context);
      reloaders.push(() => sync(fill, context).catch((error: Error) => context.logger.error(error.message)));
      if (context.watcher && !watching) {
        watching = true;
        context.watcher.add(watched);
        context.watcher.on("all", (_event, path) => {
          if (!watched.some((dir) => path.startsWith(dir))) return;
          pending = undefined;
          for (const reload of reloaders) void reload();
        });
      }
    },
  });

  const stories = loader("plotline-stories", (current, { store }) => {
    for (const story of current.stories) {
      store.set({
        id: story.slug,
        filePath: story.file,
        data: {
          ...story.frontmatter,
          charts: story.charts.map((c) => c.id),
          datasets: [...new Set(story.charts.map((c) => c.dataset))],
        },
        rendered: { html: story.html },
      });
    }
  });

  const charts = loader("plotline-charts", (current, { store }) => {
    for (const [id, { chart, story }] of current.charts) {
      const { id: _id, ...rest } = chart;
      store.set({ id, data: { ...rest, story } });
    }
  });

  return { stories, charts };
}
