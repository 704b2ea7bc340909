import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Whole-site fixture builds run Astro; give them room on two cores.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: "UTC" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/gates/**"] },
      },
      {
        // The quality gates run over sites built once by their global setup, which only runs
        // when a gate file is selected (`vitest run test/data` builds nothing).
        extends: true,
        test: {
          name: "gates",
          include: ["test/gates/**/*.test.ts"],
          globalSetup: ["test/gates/global-setup.ts"],
          // Two browser tabs at once keep both cores busy; more only queue (measured: 2 beat 1 and 3).
          maxConcurrency: 2,
        },
      },
    ],
  },
});
