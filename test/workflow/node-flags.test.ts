// `npm run build`, the benchmark and the Astro build it starts must run with the same V8 flags,
// or the benchmark measures a build nobody runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { BUILD_NODE_FLAGS } from "../../scripts/node-flags.ts";
import { projectRoot } from "./helpers.ts";

it("npm run build passes the build's V8 flags to Node", () => {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: { build: string } };
  expect(pkg.scripts.build).toBe(`TZ=UTC node ${BUILD_NODE_FLAGS.join(" ")} scripts/build.ts`);
});
