import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Whole-site fixture builds run Astro; give them room on two cores.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: "UTC" },
  },
});
