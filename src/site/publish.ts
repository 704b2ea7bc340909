// Which datasets a build publishes (their page, downloads, data index entry, sitemap and search
// entries): those a published story uses, by a chart or a `:value`, and those whose sidecar says
// `publish: true`. A dataset used only by a draft stays out, so a council file a reporter is still
// working on is not on the site before the story it is for; a preview build with drafts shows it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSidecar } from "../data/sidecar.ts";
import type { Dataset } from "../data/types.ts";
import type { Story } from "./site.ts";

export interface PublishOptions {
  root: string;
  datasets: ReadonlyMap<string, Pick<Dataset, "sidecarPath">>;
  stories: readonly Pick<Story, "charts" | "quoted" | "frontmatter">[];
  /** A preview build: drafts count as published. */
  drafts: boolean;
}

/** The ids of the datasets a build publishes, sorted. */
export function publishedDatasets(options: PublishOptions): string[] {
  const used = new Set<string>();
  for (const story of options.stories) {
    if (story.frontmatter.draft && !options.drafts) continue;
    for (const chart of story.charts) used.add(chart.dataset);
    for (const id of story.quoted) used.add(id);
  }
  return [...options.datasets]
    .filter(([id, dataset]) => used.has(id) || saysPublish(options.root, dataset.sidecarPath))
    .map(([id]) => id)
    .sort();
}

/**
 * Whether the sidecar says `publish: true`. Read again here, and only for datasets no story uses:
 * the data layer knows nothing of publishing, and a dataset reached here has a valid sidecar.
 */
function saysPublish(root: string, sidecarPath: string): boolean {
  const source = readFileSync(join(root, sidecarPath), "utf8");
  return parseSidecar({ source, file: sidecarPath }).sidecar?.publish === true;
}
