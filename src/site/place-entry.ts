// What the place pages and their index are made from (Astro's `places` and `placeTemplates`
// collections; src/content.config.ts gives their types).
import { showsTableChart } from "./chart-entry.ts";
import type { PlacePage, PlaceSet } from "./places.ts";
import { placesOwner } from "./site.ts";

export function placePageEntry(page: PlacePage) {
  const { title, dek, byline, published, updated } = page.frontmatter;
  return {
    template: page.template,
    owner: placesOwner(page.template),
    slug: page.place.slug,
    name: page.place.name,
    title,
    dek,
    byline,
    published,
    updated,
    charts: page.charts.map((c) => c.id),
    tableChart: showsTableChart(page.charts),
  };
}

export function placeIndexEntry(set: PlaceSet) {
  return {
    title: set.title,
    owner: placesOwner(set.template.name),
    dataset: set.dataset,
    datasetTitle: set.datasetTitle,
    noun: set.noun,
    groupTitle: set.groupTitle,
    places: set.places,
  };
}
