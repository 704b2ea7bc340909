// A partial build starts Astro while build.ts is still checking the content, so that
// Astro's start-up (loading its code and ours, about 2.5 s) overlaps the check. Astro's content
// loader waits here until the check has passed: the build then creates the gate file. If the
// check finds errors the build stops Astro instead, so they are never reported twice. (If the
// build dies instead, Astro stops by itself: astro-child.ts.)
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { CONTENT_GATE_ENV } from "./env.ts";

/** Resolves once the build has checked the content (at once outside such a build). */
export async function contentChecked(): Promise<void> {
  const gate = process.env[CONTENT_GATE_ENV];
  if (!gate) return;
  while (!existsSync(gate)) await sleep(10);
}
