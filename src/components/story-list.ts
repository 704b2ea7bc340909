// Ordering and grouping of story entries for lists: newest first, topics by use.
import type { CollectionEntry } from "astro:content";

type StoryEntry = CollectionEntry<"stories">;

/** Newest first; the slug breaks ties so the order never depends on load order. */
export function byNewest(stories: StoryEntry[]): StoryEntry[] {
  return [...stories].sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id));
}

/** Every topic with its number of stories, most used first, then by name. */
export function topicsOf(stories: StoryEntry[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const story of stories) for (const topic of story.data.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
