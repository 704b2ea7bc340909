// Builds every site the gates look at, once per run, before any test file starts: the seed
// site (checked by every gate), the seed site again (for the determinism gate), the hostile
// fixture and the charts-gate fixture (every chart kind in its hard cases, for the overlap gate). Two choices keep these builds from mixing with any other build of this checkout:
// - they go to folders inside the project (.cache/, ignored by git): for an out dir outside the
//   project, Astro stages pages in the project's shared .astro/.prerender/, where a concurrent
//   build elsewhere overwrites them ("Cannot find module .astro/.prerender/chunks/...");
// - they run one after another, so Astro's content store, which it writes and then reads back
//   while bundling, never holds another site's content.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildFixture, projectRoot, type SiteBuild } from "../build-helper.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seed site, built once for every gate. */
    seed: SiteBuild;
    /** The seed site built a second time into another folder. */
    seedAgain: SiteBuild;
    /** test/fixtures/site-hostile, built once. */
    hostile: SiteBuild;
    /** test/fixtures/site-charts-gate, built once. */
    chartsGate: SiteBuild;
  }
}

export default async function setup(project: TestProject) {
  mkdirSync(join(projectRoot, ".cache"), { recursive: true });
  const scratch = mkdtempSync(join(projectRoot, ".cache", "gates-"));
  // In process, one after another; `read` stays here (what is provided must be plain data).
  const built = async (fixture: string | undefined, outDir: string): Promise<SiteBuild> => {
    const { status, output, seconds } = await buildFixture(fixture, outDir);
    return { status, output, outDir, seconds };
  };
  const seed = await built(undefined, join(scratch, "seed", "dist"));
  if (seed.status !== 0) throw new Error(`The seed site did not build, so no gate can run:\n${seed.output}`);
  const seedAgain = await built(undefined, join(scratch, "seed-again", "dist"));
  const hostile = await built("site-hostile", join(scratch, "hostile", "dist"));
  const chartsGate = await built("site-charts-gate", join(scratch, "charts-gate", "dist"));
  if (chartsGate.status !== 0) throw new Error(`The charts-gate fixture did not build:\n${chartsGate.output}`);
  console.log(
    `gates: built the seed site in ${seed.seconds.toFixed(1)} s, again in ${seedAgain.seconds.toFixed(1)} s, ` +
      `the hostile fixture in ${hostile.seconds.toFixed(1)} s, the charts-gate fixture in ${chartsGate.seconds.toFixed(1)} s`,
  );
  project.provide("seed", seed);
  project.provide("seedAgain", seedAgain);
  project.provide("hostile", hostile);
  project.provide("chartsGate", chartsGate);
  return () => rmSync(scratch, { recursive: true, force: true });
}
