// The newsroom's topics: `content/topics.yml` gives each topic id its display name and a one-line
// description, and every topic a story names must be there (an error at the story's line, with
// the closest id).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as z from "zod";
import { isKebab } from "../data/ids.ts";
import { closest } from "../errors/closest.ts";
import { Diagnostics, sortMessages, type VFileMessage } from "../errors/diagnostic.ts";
import { parseYamlSource, schemaProblems } from "../errors/yaml.ts";
import { frontmatterSource } from "../markdown/frontmatter.ts";

export const TOPICS_FILE = "content/topics.yml";

export interface Topic {
  id: string;
  /** As written, apostrophes and capitals kept: `Children's services`. */
  name: string;
  description: string;
}

const topicSchema = z.object({ name: z.string().trim().min(1), description: z.string().trim().min(1) }).strict();
const fileSchema = z.record(z.string(), topicSchema);

export interface Topics {
  topics: Map<string, Topic>;
  messages: VFileMessage[];
}

/** Reads content/topics.yml under `root`; a missing file declares no topic. */
export function readTopics(root: string): Topics {
  const diagnostics = new Diagnostics();
  const topics = new Map<string, Topic>();
  const path = join(root, TOPICS_FILE);
  if (!existsSync(path)) return { topics, messages: [] };
  const file = TOPICS_FILE;
  const source = parseYamlSource(readFileSync(path, "utf8"), { file });
  for (const error of source.syntaxErrors)
    diagnostics.add("TopicsYamlInvalid", { reason: error.reason }, { file, ...error });
  if (source.syntaxErrors.length) return { topics, messages: diagnostics.messages };
  const raw = source.value ?? {};
  const result = fileSchema.safeParse(raw);
  if (!result.success) {
    for (const problem of schemaProblems(result.error.issues, source, raw)) {
      const place = { file, ...problem.place };
      if (problem.kind === "unknown-key") diagnostics.add("TopicsUnknownKey", { key: problem.key }, place);
      else if (problem.kind === "missing-key") diagnostics.add("TopicsMissingKey", { key: problem.key }, place);
      else {
        const key = problem.key || "topics";
        diagnostics.add("TopicsInvalidValue", { key, actual: problem.actual ?? "", expected: problem.expected }, place);
      }
    }
  }
  const entries = result.success ? Object.entries(result.data) : [];
  for (const id of raw && typeof raw === "object" ? Object.keys(raw) : []) {
    if (isKebab(id)) continue;
    diagnostics.add(
      "TopicsInvalidValue",
      { key: id, actual: id, expected: "a topic id in kebab-case, e.g. `council-finance`" },
      { file, ...source.placeOf([id], "key") },
    );
  }
  if (diagnostics.messages.length) return { topics, messages: sortMessages(diagnostics.messages) };
  for (const [id, topic] of entries) topics.set(id, { id, name: topic.name, description: topic.description });
  return { topics, messages: diagnostics.messages };
}

/** An error at each topic a story names that topics.yml does not declare. */
export function checkStoryTopics(options: {
  root: string;
  stories: ReadonlyArray<{ file: string; frontmatter: { topics: readonly string[] } }>;
  topics: ReadonlyMap<string, Topic>;
}): VFileMessage[] {
  const diagnostics = new Diagnostics();
  const ids = [...options.topics.keys()];
  for (const story of options.stories) {
    const unknown = story.frontmatter.topics.filter((topic) => !options.topics.has(topic));
    if (!unknown.length) continue;
    const source = frontmatterSource(readFileSync(join(options.root, story.file), "utf8"), story.file);
    for (const [i, topic] of story.frontmatter.topics.entries()) {
      if (options.topics.has(topic)) continue;
      const place = source?.placeOf(["topics", i]) ?? { line: 1, column: 1 };
      diagnostics.add(
        "TopicUnknown",
        { actual: topic, suggestion: closest(topic, ids) },
        { file: story.file, ...place },
      );
    }
  }
  return diagnostics.messages;
}

let cached: { root: string; topics: Map<string, Topic> } | undefined;

/** A topic's display name for pages: from topics.yml under `root` (the build has checked every id). */
export function topicName(topic: string, root: string): string {
  if (cached?.root !== root) cached = { root, topics: readTopics(root).topics };
  return cached.topics.get(topic)?.name ?? topic;
}

/** A topic's one-line description for its page. */
export function topicDescription(topic: string, root: string): string | undefined {
  if (cached?.root !== root) cached = { root, topics: readTopics(root).topics };
  return cached.topics.get(topic)?.description;
}

/** Every topic problem: those of topics.yml, else each story's topics that it does not declare. */
export function topicProblems(
  root: string,
  stories: ReadonlyArray<{ file: string; frontmatter: { topics: readonly string[] } }>,
): VFileMessage[] {
  const { topics, messages } = readTopics(root);
  return messages.length ? messages : checkStoryTopics({ root, stories, topics });
}
