// Entries of the content folders that must not be read: a folder named like a story, a link to
// nothing, and a link out of the project (which would publish a file of the machine that builds).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDigest, storyDigests } from "../../src/build/plan.ts";
import { frameReader } from "../../src/content-files.ts";
import { formatReport, readSourceFrom } from "../../src/errors/print.ts";
import { loadSite } from "../../src/site/site.ts";
import { projectRoot, scratchDir } from "../build-helper.ts";

function linkedFixture() {
  const root = join(scratchDir(), "content-root");
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
  const host = mkdtempSync(join(tmpdir(), "plotline-host-"));
  writeFileSync(join(host, "secret.csv"), "line,budget,forecast\nSecret,1,2\n");
  writeFileSync(join(host, "secret.md"), readFileSync(join(root, "content", "stories", "older-story.md")));
  const stories = join(root, "content", "stories");
  mkdirSync(join(stories, "a-folder.md"));
  symlinkSync(join(root, "nowhere.md"), join(stories, "broken.md"));
  symlinkSync(join(host, "secret.md"), join(stories, "host.md"));
  symlinkSync(join(host, "secret.csv"), join(root, "data", "host.csv"));
  cpSync(join(root, "data", "lines.yml"), join(root, "data", "host.yml"));
  // A link that stays inside the project is fine.
  symlinkSync(join(root, "data", "lines.csv"), join(root, "data", "inside.csv"));
  cpSync(join(root, "data", "lines.yml"), join(root, "data", "inside.yml"));
  return { root, host };
}

describe("links and folders in the content folders", () => {
  it("reports a folder named like a story, a broken link and links out of the project at each entry, and reads none", () => {
    const { root, host } = linkedFixture();
    const site = loadSite({ root });
    const problems = site.messages.map((m) => `${m.file}:${m.line}:${m.column}: ${m.reason}`);
    expect(problems).toEqual([
      `content/stories/a-folder.md:1:1: Unexpected folder \`content/stories/a-folder.md\`, expected a story file`,
      `content/stories/broken.md:1:1: Unexpected symbolic link \`content/stories/broken.md\` to \`${join(root, "nowhere.md")}\`, which does not exist`,
      `content/stories/host.md:1:1: Unexpected symbolic link \`content/stories/host.md\` to \`${join(host, "secret.md")}\`, outside the project`,
      `data/host.csv:1:1: Unexpected symbolic link \`data/host.csv\` to \`${join(host, "secret.csv")}\`, outside the project`,
    ]);
    expect(site.messages[2]!.note).toMatch(/copy the file into the project/);
    // Printed with code frames, as the build prints them, the host file's lines are not shown.
    const report = formatReport(site.messages, { readSource: readSourceFrom(root, frameReader(root)) });
    expect(report).not.toContain("Secret");
    expect(report).not.toContain("An older story");
    expect([...site.datasets.keys()]).toEqual(["budget", "inside", "lines"]);
    expect(site.stories.map((s) => s.slug)).not.toContain("host");
  });

  it("plans a build over them without reading them or throwing", () => {
    const { root } = linkedFixture();
    expect(storyDigests(root)).toMatchObject({ "a-folder": "folder", broken: "broken", host: "outside" });
    expect(() => sharedDigest({ project: projectRoot, root, settings: "" })).not.toThrow();
  });
});
