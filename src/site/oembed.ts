// oEmbed (https://oembed.com/) as static JSON files, for CMSs that turn a pasted URL into an
// embed: each chart's at /embed/<id>/oembed.json, each story's at /stories/<slug>/oembed.json.
// The `html` is the embed code under the chart (src/charts/share.ts), sized the same way.
import { EMBED_WIDTH, embedCode, embedHeight, pngSize, type ShareInput } from "../charts/share.ts";
import type { SiteConfig } from "../settings/schema.ts";
import { absolute, paths } from "../urls.ts";

interface OembedCommon {
  version: "1.0";
  title: string;
  provider_name: string;
  provider_url: string;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

export type Oembed = OembedCommon & ({ type: "rich"; html: string; width: number; height: number } | { type: "link" });

/** A chart as an iframe `width` × `height`: the embed code's own height at the widest column it is sized for. */
export function chartOembed(chart: ShareInput, options: { site: string; config: SiteConfig; title?: string }): Oembed {
  const thumbnail = pngSize(chart);
  return {
    version: "1.0",
    type: "rich",
    title: options.title ?? chart.title,
    provider_name: options.config.name,
    provider_url: absolute(paths.home(), options.site),
    html: embedCode(chart, options.site),
    width: EMBED_WIDTH,
    height: embedHeight(chart),
    thumbnail_url: absolute(paths.chartPng(chart.id), options.site),
    thumbnail_width: thumbnail.pixelWidth,
    thumbnail_height: thumbnail.pixelHeight,
  };
}

/** A story: its first chart's embed under the story's headline, or a plain link when it has no chart. */
export function storyOembed(
  story: { title: string; firstChart?: ShareInput },
  options: { site: string; config: SiteConfig },
): Oembed {
  if (story.firstChart) return chartOembed(story.firstChart, { ...options, title: story.title });
  return {
    version: "1.0",
    type: "link",
    title: story.title,
    provider_name: options.config.name,
    provider_url: absolute(paths.home(), options.site),
  };
}

/** The JSON file: keys in a fixed order, so the same chart always gives the same bytes. */
export function oembedJson(oembed: Oembed): string {
  return `${JSON.stringify(oembed, null, 2)}\n`;
}
