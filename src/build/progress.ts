// What the build tells the person running it. On a terminal: one live line per phase with its
// counts and a bar, rewritten in place, then left as a one-line summary. In a log (not a
// terminal): one line as each phase starts and one as it ends. Never colour codes outside a
// terminal or with NO_COLOR set. Errors and warnings always print in full, above the live line.

export interface ProgressOptions {
  /** Where the live line and the phase lines go (the build's stdout). */
  write: (text: string) => void;
  /** Whether `write` reaches a terminal that redraws a line on `\r`. */
  live: boolean;
}

export interface Phase {
  /** Sets the counts shown on the live line (`done` of `total` when the total is known). */
  update(done: number, total?: number, detail?: string): void;
  /** Ends the phase with a summary of what it did. */
  end(summary: string): void;
}

export interface Progress {
  phase(name: string): Phase;
  /** Prints a whole line (a message, a warning) without breaking the live line. */
  line(text: string): void;
}

const BAR_WIDTH = 20;

/** `[#####.....]` for `done` of `total`. */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

/** Whether output may carry colour codes: a terminal, and no NO_COLOR (https://no-color.org). */
export const colourAllowed = (isTTY: boolean | undefined, env: NodeJS.ProcessEnv) => Boolean(isTTY) && !env.NO_COLOR;

export function startProgress(options: ProgressOptions): Progress {
  let shown = ""; // the live line on screen now, if any
  // Redraws are capped at ten a second: a thousand stories would otherwise print a thousand.
  let lastDraw = 0;
  const clear = () => {
    if (shown) options.write(`\r${" ".repeat(shown.length)}\r`);
    shown = "";
  };
  const draw = (text: string, force = false) => {
    const now = performance.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    clear();
    options.write(text);
    shown = text;
  };
  return {
    phase(name) {
      const started = performance.now();
      if (!options.live) options.write(`${name}…\n`);
      else draw(`${name}…`, true);
      return {
        update(done, total, detail) {
          if (!options.live) return;
          const counts = total === undefined ? `${done}` : `${progressBar(done, total)} ${done}/${total}`;
          draw(`${name} ${counts}${detail ? ` ${detail}` : ""}`);
        },
        end(summary) {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          if (options.live) clear();
          options.write(`${name}: ${summary} (${seconds} s)\n`);
        },
      };
    },
    line(text) {
      const redraw = shown;
      if (options.live) clear();
      options.write(`${text}\n`);
      if (redraw) draw(redraw, true);
    },
  };
}
