// `npm test`: everything CI runs, in order, with one summary line CI can read: unit and fixture
// tests plus the quality gates over the built site (all vitest: Nu HTML Checker, axe-core and
// keyboard in Chromium, links, no-script, determinism, hostile input; see docs/quality.md), type
// checks (astro check), formatting (prettier) and lint (eslint, knip).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { KNOWN_ISSUES } from "../test/gates/known-issues.ts";

const root = process.cwd();
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const report = join(root, ".cache", "vitest.json");
mkdirSync(join(root, ".cache"), { recursive: true });

interface Step {
  name: string;
  command: string;
  args: string[];
}
const steps: Step[] = [
  {
    name: "vitest",
    command: bin("vitest"),
    args: ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
  },
  { name: "astro check", command: bin("astro"), args: ["check", "--minimumSeverity", "warning"] },
  { name: "prettier", command: bin("prettier"), args: ["--check", "."] },
  // Import order and cycles (eslint.config.js); unused exports, files and dependencies (knip.json).
  { name: "eslint", command: bin("eslint"), args: ["."] },
  { name: "knip", command: bin("knip"), args: [] },
];

// The browser and HTML gates need Debian's Chromium and Java, which npm cannot install: fetch
// whichever is missing with apt first. If that fails, the gates say what is missing.
if (spawnSync(join(root, "scripts", "install-system-deps.sh"), { stdio: "inherit" }).status !== 0)
  console.log("Could not install Chromium or Java with apt-get; the browser and HTML gates will fail.");

let passed = 0;
let failed = 0;
const failedSteps: string[] = [];
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = performance.now();
  // npm puts node_modules/.bin first on PATH, so these run on the project's Node 24.
  const result = spawnSync(step.command, step.args, { stdio: "inherit", env: { ...process.env, TZ: "UTC" } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (step.name === "vitest") {
    try {
      const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number };
      passed += json.numPassedTests;
      failed += json.numFailedTests;
    } catch {
      failed += 1;
    }
    if (result.status !== 0 && !failedSteps.includes(step.name)) failedSteps.push(step.name);
  } else if (result.status === 0) passed += 1;
  else {
    failed += 1;
    failedSteps.push(step.name);
  }
  console.log(`◀ ${step.name}: ${result.status === 0 ? "ok" : "FAILED"} in ${seconds} s`);
}

// Expected failures pass the run, so name them here where nobody can miss them.
const known = Object.entries(KNOWN_ISSUES);
if (known.length) {
  console.log(`\nKnown issues, kept as expected failures (test/gates/known-issues.ts):`);
  for (const [key, reason] of known) console.log(`  ${key}: ${reason}`);
}
if (failedSteps.length) console.log(`\nFailed: ${failedSteps.join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failedSteps.length ? 1 : 0;
