// The modules the build needs once Astro is on its way: checking content (the data layer, Plot,
// the markdown pipeline), drawing PNGs and putting the site together. build.ts imports them with
// `import()` after it has started a partial build's Astro, so that Astro's own start-up (seconds)
// does not wait the 0.7 s these take to load.
export { fileChartCache } from "../cache/charts.ts";
export { fileDatasetCache } from "../cache/datasets.ts";
export { openPngKeyMemo } from "../cache/png-keys.ts";
export { pngCachePath } from "../cache/pngs.ts";
export { startPngPool } from "../charts/png/pool.ts";
export { standaloneSvg } from "../charts/standalone.ts";
export { frameReader } from "../content-files.ts";
export { sortMessages } from "../errors/diagnostic.ts";
export { formatReport, readSourceFrom } from "../errors/print.ts";
export { pageStoryCache, storyPanels } from "../site/page-stories.ts";
export { checkSiteRecord, recordDay, recordText, writeRecord } from "../site/published.ts";
export { aliasProblems, siteRedirects } from "../site/redirects.ts";
export { headersFile } from "../site/security.ts";
export { loadSite, placesOwner } from "../site/site.ts";
export { topicProblems } from "../site/topics.ts";
