// Renders one story file: frontmatter, then markdown through remark and rehype with charts.
// Order matters: raw HTML is parsed and sanitised before chart SVG is injected, so authors'
// HTML cannot carry script and our SVG is not stripped.
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import type { ChartCache } from "../cache/charts.ts";
import type { RenderedChart } from "../charts/render.ts";
import type { Dataset } from "../data/types.ts";
import type { VFileMessage } from "../errors/diagnostic.ts";
import { controlCharacterMessages } from "./control-characters.ts";
import { parseStoryFile, type Frontmatter } from "./frontmatter.ts";
import { rehypeChart, type ChartPanels } from "./rehype-chart.ts";
import { rehypeFragmentLinks } from "./rehype-fragment-links.ts";
import { rehypeImageAlt } from "./rehype-image-alt.ts";
import { PLACEHOLDER_ATTRIBUTE, remarkChart, type ChartFileData } from "./remark-chart.ts";
import { remarkPlace, type PlaceBinding } from "./remark-place.ts";
import { remarkValue, type PrintedValue, type ValueFileData } from "./remark-value.ts";

export interface RenderedStory {
  slug: string;
  /** Project-relative path, e.g. `content/stories/nct-overspend.md`. */
  file: string;
  frontmatter?: Frontmatter;
  html: string;
  charts: RenderedChart[];
  chartLines: Record<string, number>;
  chartPlaces: Record<string, { line: number; column: number }>;
  /** The datasets the prose quotes with `:value`, sorted: their pages list this story too. */
  quoted: string[];
  /** Every figure the prose printed with `:value`, in reading order (the published record). */
  values: PrintedValue[];
  messages: VFileMessage[];
}

/** What a `:value` prints on a place page for a place whose figure was not published. */
const MISSING_ON_PLACE_PAGE = "not published";

export interface StoryContext {
  datasets: ReadonlyMap<string, Dataset>;
  /** Rendered charts by content hash (see src/cache/charts.ts). */
  cache?: ChartCache;
  invalidDatasets?: ReadonlySet<string>;
  panels?: ChartPanels;
}

const sanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), PLACEHOLDER_ATTRIBUTE],
  },
};

export function renderStory(
  text: string,
  options: { file: string; slug: string },
  context: StoryContext,
): RenderedStory {
  const { frontmatter, body, messages } = parseStoryFile(text, options.file);
  messages.unshift(...controlCharacterMessages(text, options.file));
  const rendered = renderMarkdown(body, options, context);
  return { ...rendered, frontmatter, messages: [...messages, ...rendered.messages] };
}

/**
 * A story's body (or a place page's, with `place`: its placeholders filled and `:rank` written)
 * as HTML with its charts, the figures it printed and its problems.
 */
export function renderMarkdown(
  body: string,
  options: { file: string; slug: string; place?: PlaceBinding; path?: string },
  context: StoryContext,
): Omit<RenderedStory, "frontmatter"> {
  const file = new VFile({ path: options.file, value: body });
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(options.place ? [[remarkPlace, options.place]] : [])
    .use(remarkValue, {
      datasets: context.datasets,
      invalidDatasets: context.invalidDatasets,
      missing: options.place ? MISSING_ON_PLACE_PAGE : undefined,
    })
    .use(remarkChart, {
      datasets: context.datasets,
      invalidDatasets: context.invalidDatasets,
      slug: options.slug,
      cache: context.cache,
    })
    // Ids are prefixed once, by the sanitiser (see rehype-fragment-links.ts), not here as well.
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRaw)
    .use(rehypeImageAlt)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFragmentLinks, { prefix: sanitizeSchema.clobberPrefix ?? "user-content-" })
    .use(rehypeChart, { panels: context.panels, slug: options.slug, path: options.path })
    .use(rehypeStringify, { allowDangerousHtml: true });
  const tree = processor.runSync(processor.parse(file), file);
  const html = processor.stringify(tree, file);
  const data = file.data as Partial<ChartFileData>;
  for (const message of file.messages) message.file = options.file;
  return {
    slug: options.slug,
    file: options.file,
    html: String(html),
    charts: data.charts ?? [],
    chartLines: data.chartLines ?? {},
    chartPlaces: data.chartPlaces ?? {},
    quoted: [...((file.data as ValueFileData).quoted ?? [])].sort(),
    values: (file.data as ValueFileData).values ?? [],
    messages: [...file.messages],
  };
}
