// `npm run build` runs Astro as a child process (scripts/build.ts). If the build dies without
// stopping it (killed by a timeout or the out-of-memory killer), Astro would go on writing a site
// that no one will ever swap in, into the folder the next build starts from. So Astro watches its
// parent, and stops as soon as it is no longer the build that started it.
export const BUILD_PID_ENV = "PLOTLINE_BUILD_PID";

let watching = false;

/** In a process started by the build, exits once the build is gone; elsewhere does nothing. */
export function exitWithBuild(): void {
  const build = Number(process.env[BUILD_PID_ENV]);
  if (!build || watching) return;
  watching = true;
  // An orphan is adopted by another process, so its parent's pid changes. Checked often enough
  // that an orphan writes nothing more of note; unref'd, so it never keeps Astro running.
  const check = () => {
    if (process.ppid !== build) process.exit(1);
  };
  check();
  setInterval(check, 50).unref();
}
