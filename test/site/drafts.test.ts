// Drafts built for a preview (PLOTLINE_DRAFTS=1): their pages and PNGs are made like any story's,
// and a partial build keeps them (and lists them in the sitemap) just as a cold build makes them.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildFixture, filesOf, projectRoot, scratchDir } from "../build-helper.ts";

it("a preview build gives drafts pages and PNGs, and keeps them through a partial build", async () => {
  const scratch = scratchDir();
  const root = join(scratch, "content-root");
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
  const draft = join(root, "content", "stories", "draft-story.md");
  writeFileSync(
    draft,
    `${readFileSync(draft, "utf8")}\n\`\`\`chart\nid: draft-chart\ndata: budget\ntype: column\nx: year\ny: overspend\ntitle: A chart in a draft\n\`\`\`\n`,
  );
  const env = { PLOTLINE_DRAFTS: "1", PLOTLINE_CACHE_DIR: join(scratch, "cache") };
  const outDir = join(scratch, "preview");
  expect((await buildFixture(root, outDir, env)).status).toBe(0);
  expect(existsSync(join(outDir, "stories", "draft-story", "index.html"))).toBe(true);
  expect(existsSync(join(outDir, "charts", "draft-chart.png"))).toBe(true);

  const story = join(root, "content", "stories", "older-story.md");
  writeFileSync(story, `${readFileSync(story, "utf8")}\nOne more line.\n`);
  const partial = await buildFixture(root, outDir, env);
  expect(partial.output).toContain("Building 1 changed stories; keeping 2 from the last build.");
  expect(readFileSync(join(outDir, "sitemap-0.xml"), "utf8")).toContain("/stories/draft-story/");

  const cold = await buildFixture(root, join(scratch, "cold"), {
    ...env,
    PLOTLINE_CACHE_DIR: join(scratch, "cold-cache"),
  });
  expect(filesOf(outDir)).toEqual(filesOf(cold.outDir));
});
