import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readTopics, topicName, topicProblems } from "../../src/site/topics.ts";
import { projectRoot } from "../build-helper.ts";

/** A content root with `topics.yml` (if any) and one story whose frontmatter names `topics`. */
function root(topicsYml: string | undefined, storyTopics: string): string {
  const dir = mkdtempSync(join(tmpdir(), "plotline-topics-"));
  mkdirSync(join(dir, "content", "stories"), { recursive: true });
  if (topicsYml !== undefined) writeFileSync(join(dir, "content", "topics.yml"), topicsYml);
  const story = ["---", "title: T", "dek: D", "byline: [A]", "published: 2024-01-01", storyTopics, "---", "", "Text."];
  writeFileSync(join(dir, "content", "stories", "a.md"), story.join("\n"));
  return dir;
}

const story = (topics: string[]) => [{ file: "content/stories/a.md", frontmatter: { topics } }];
const lines = (messages: ReturnType<typeof topicProblems>) =>
  messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason} (${m.note})`);

const TOPICS = [
  "council-finance:",
  "  name: Council finance",
  "  description: How councils raise and spend money.",
  "childrens-services:",
  "  name: Children's services",
  "  description: Care for children.",
  "",
].join("\n");

describe("content/topics.yml", () => {
  it("gives each topic its display name as written, apostrophe kept", () => {
    const dir = root(TOPICS, "topics: [childrens-services]");
    expect(readTopics(dir).messages).toEqual([]);
    expect(topicName("childrens-services", dir)).toBe("Children's services");
  });

  it("reports a story's undeclared topic at its line in the story, with the closest id", () => {
    const dir = root(TOPICS, "topics:\n  - council-finance\n  - council-finanse");
    expect(lines(topicProblems(dir, story(["council-finance", "council-finanse"])))).toEqual([
      "content/stories/a.md:8:5: Unexpected topic `council-finanse`, not in `content/topics.yml` (did you mean `council-finance`? If not, add `council-finanse` to content/topics.yml with its name and description)",
    ]);
  });

  it("reports every topic as undeclared when there is no topics.yml", () => {
    const dir = root(undefined, "topics: [housing]");
    expect(lines(topicProblems(dir, story(["housing"])))).toEqual([
      "content/stories/a.md:6:10: Unexpected topic `housing`, not in `content/topics.yml` (add `housing` to content/topics.yml with its display name and a one-line description)",
    ]);
  });

  it("positions mistakes in topics.yml itself", () => {
    const bad =
      "Council Finance:\n  name: Council finance\n  description: x\nhealth:\n  name: Health\n  title: Health\n";
    expect(lines(topicProblems(root(bad, "topics: [health]"), story(["health"]))).map((l) => l.split(" (")[0])).toEqual(
      [
        "content/topics.yml:1:1: Unexpected `Council Finance` for `Council Finance` in `content/topics.yml`, expected a topic id in kebab-case, e.g. `council-finance`",
        "content/topics.yml:4:1: Missing key `health.description` in `content/topics.yml`",
        "content/topics.yml:6:3: Unexpected key `health.title` in `content/topics.yml`",
      ],
    );
  });

  it("declares every topic the seed site's stories use", () => {
    expect(readTopics(projectRoot).messages).toEqual([]);
    expect(topicName("northamptonshire-childrens-trust", projectRoot)).toBe("Northamptonshire Children's Trust");
  });
});
