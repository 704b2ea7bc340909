// What a build publishes of the datasets: only those a published story uses, or whose sidecar
// says `publish: true`, each on a page that stays small however many rows the file has.
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSite } from "../../src/site/site.ts";
import { buildFixture, filesOf, projectRoot, scratchDir } from "../build-helper.ts";

const SIDECAR = (title: string, extra = "") =>
  `title: ${title}\n${extra}primaryKey: id\nfields:\n  - { name: id, type: integer }\n  - { name: supplier, type: string }\n` +
  "  - { name: amount, type: number, unit: GBP }\n";

/** site-basic with four more datasets: a 5,000-row one a story quotes, and three no published story uses. */
function publishFixture(): string {
  const root = join(scratchDir(), "content-root");
  cpSync(join(projectRoot, "test", "fixtures", "site-basic"), root, { recursive: true });
  const rows = Array.from({ length: 5000 }, (_, i) => `${i + 1},"Supplier ${i + 1}, Ltd",${(i * 37) % 9000}.50`);
  const csv = `id,supplier,amount\n${rows.join("\n")}\n`;
  for (const [id, extra] of [
    ["payments", ""],
    ["drafted", ""],
    ["flagged", "publish: true\n"],
    ["unused", ""],
  ] as const) {
    writeFileSync(join(root, "data", `${id}.csv`), id === "payments" ? csv : csv.split("\n").slice(0, 4).join("\n"));
    writeFileSync(join(root, "data", `${id}.yml`), SIDECAR(`The ${id} table`, extra));
  }
  const quoting = join(root, "content", "stories", "older-story.md");
  writeFileSync(quoting, `${readFileSync(quoting, "utf8")}\nIn all :value{data=payments col=amount agg=sum}.\n`);
  const draft = join(root, "content", "stories", "draft-story.md");
  writeFileSync(draft, `${readFileSync(draft, "utf8")}\nThe first was :value{data=drafted row=1 col=amount}.\n`);
  return root;
}

describe("publishing datasets", () => {
  it("publishes only datasets a published story uses or whose sidecar says `publish: true`", () => {
    const root = publishFixture();
    expect(loadSite({ root }).published).toEqual(["budget", "flagged", "lines", "payments"]);
    // A preview build with drafts shows the draft's dataset too.
    expect(loadSite({ root, drafts: true }).published).toEqual(["budget", "drafted", "flagged", "lines", "payments"]);
  });

  it("builds a small page for a 5,000-row dataset, leaves unpublished ones out, and rebuilds all when a draft is published", async () => {
    const root = publishFixture();
    const scratch = scratchDir();
    const outDir = join(scratch, "site");
    const env = { PLOTLINE_CACHE_DIR: join(scratch, "cache") };
    const site = await buildFixture(root, outDir, env);
    expect(site.status, site.output).toBe(0);

    const page = site.read("data/payments/index.html");
    expect(Buffer.byteLength(page)).toBeLessThan(200_000);
    expect(page).toContain("5,000 rows");
    expect(page).toContain("The first 100 of 5,000 rows");
    expect(page.match(/<tr>/g)!.length).toBeLessThan(110);
    expect(page).toContain('href="/data/payments.csv"');
    // The original is labelled for what it is.
    expect(page).toMatch(/payments\.source\.csv<\/a>: the file as received[^<]*not made safe for spreadsheets/);
    expect(site.read("data/payments.csv").split("\n")).toHaveLength(5002);

    for (const id of ["drafted", "unused"]) {
      for (const file of [`data/${id}/index.html`, `data/${id}.csv`, `data/${id}.source.csv`, `data/${id}.yml`])
        expect(existsSync(join(outDir, file)), file).toBe(false);
      expect(site.read("data/index.html")).not.toContain(`/data/${id}/`);
      expect(site.read("sitemap-0.xml")).not.toContain(`/data/${id}/`);
    }
    expect(existsSync(join(outDir, "data/flagged/index.html"))).toBe(true);
    expect(site.read("sitemap-0.xml")).toContain("/data/flagged/");

    // The draft published: its dataset comes onto the site, so everything is built again, and the
    // site is the one a cold build makes.
    const draft = join(root, "content", "stories", "draft-story.md");
    writeFileSync(draft, readFileSync(draft, "utf8").replace("draft: true\n", ""));
    const again = await buildFixture(root, outDir, env);
    expect(again.status, again.output).toBe(0);
    expect(again.output).toContain("Building every page: the datasets published changed.");
    expect(existsSync(join(outDir, "data/drafted/index.html"))).toBe(true);
    const cold = await buildFixture(root, join(scratch, "cold"), { PLOTLINE_CACHE_DIR: join(scratch, "cold-cache") });
    expect(filesOf(outDir)).toEqual(filesOf(cold.outDir));
  });
});
