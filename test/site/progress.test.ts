// What the build prints: a live line per phase on a terminal, plain lines in a log, and Astro's
// page list only when asked.
import { describe, expect, it } from "vitest";
import { colourAllowed, progressBar, startProgress } from "../../src/build/progress.ts";

const capture = (live: boolean) => {
  let text = "";
  return { progress: startProgress({ write: (t) => (text += t), live }), text: () => text };
};

describe("the build's progress", () => {
  it("writes one line as each phase starts and one as it ends in a log, with no carriage returns", () => {
    const { progress, text } = capture(false);
    const phase = progress.phase("Checking content");
    for (let i = 0; i <= 1000; i++) phase.update(i, 1000, "stories");
    phase.end("1000 stories");
    progress.line("Built it.");
    expect(text()).toMatch(/^Checking content…\nChecking content: 1000 stories \(\d+\.\d s\)\nBuilt it\.\n$/);
  });

  it("redraws one live line with a bar on a terminal, and leaves the phase's summary", () => {
    const { progress, text } = capture(true);
    const phase = progress.phase("Writing pages");
    phase.update(5, 10);
    progress.line("a warning in full");
    phase.end("10 pages");
    const screen = text();
    expect(screen).toContain("\r");
    expect(screen).toContain("a warning in full\n");
    // The last thing on screen is the summary, on a line of its own.
    expect(screen.split("\r").pop()).toMatch(/Writing pages: 10 pages \(\d+\.\d s\)\n$/);
  });

  it("draws a bar in proportion, and allows colour only on a terminal without NO_COLOR", () => {
    expect(progressBar(5, 10, 10)).toBe("[#####.....]");
    expect(progressBar(0, 0, 4)).toBe("[....]");
    expect(colourAllowed(true, {})).toBe(true);
    expect(colourAllowed(true, { NO_COLOR: "1" })).toBe(false);
    expect(colourAllowed(false, {})).toBe(false);
  });
});
