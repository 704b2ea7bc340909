// Writes a guessed sidecar as YAML a journalist can review: each guess with its reason as a
// comment, and the provenance keys (description, source, licence) as commented-out prompts.
import { stringify } from "yaml";
import type { SidecarGuess } from "./infer-sidecar.ts";

/** A YAML scalar as it must be written: quoted when plain text would read as something else. */
const scalar = (value: string | number): string => stringify(value, { lineWidth: 0 }).trimEnd();
const comment = (reasons: readonly string[]): string =>
  reasons.length ? ` # ${reasons.join("; ").replace(/\r\n|\r|\n/g, " ")}` : "";

export function sidecarYaml(guess: SidecarGuess, options: { id: string; today: string }): string {
  const out = [
    `# data/${options.id}.yml describes data/${options.id}.csv. Guessed by \`npm run new -- dataset\` on ${options.today}:`,
    "# check every line against the file, say where it came from, then run `npm run check`.",
    "# Every key is explained in docs/authoring.md.",
    `title: ${scalar(guess.title)}`,
    "# description: What the table shows, how it was compiled, and anything a reader should know.",
    "# source:",
    "#   name: The council or body that published it",
    "#   url: https://www.example.gov.uk/the-page-it-came-from",
    '#   published: "YYYY-MM-DD"',
    "# licence: OGL-UK-3.0",
  ];
  const above = guess.titleLines.length
    ? `the column names are on line ${guess.headerRow}, under a title`
    : "the column names are on line 1";
  out.push(`headerRow: ${guess.headerRow}${comment([above])}`);
  if (guess.encoding === "windows-1252")
    out.push(`encoding: windows-1252${comment(["the file is not UTF-8: probably saved by Excel"])}`);
  if (guess.primaryKey)
    out.push(`primaryKey: ${scalar(guess.primaryKey)}${comment(["filled in and different in every row"])}`);
  if (guess.missingValues.length > 1) {
    const list = `[${guess.missingValues.map((v) => JSON.stringify(v)).join(", ")}]`;
    out.push(`missingValues: ${list}${comment(['cells that mean "no value"'])}`);
  }
  out.push("fields:");
  for (const field of guess.fields) {
    const examples = field.examples.length ? [`e.g. ${field.examples.join(", ")}`] : [];
    out.push(`  - name: ${scalar(field.name)}`);
    out.push(`    type: ${field.type}${comment([...field.reasons, ...examples])}`);
    out.push(`    title: ${scalar(field.title)}`);
    if (field.unit) out.push(`    unit: ${field.unit}`);
    if (field.scale) {
      const example = `1 means ${field.unit === "GBP" ? "£" : ""}${field.scale.toLocaleString("en-GB")}`;
      out.push(`    scale: ${field.scale}${comment([example])}`);
    }
    if (field.dateFormat) out.push(`    dateFormat: ${scalar(field.dateFormat)}`);
  }
  return `${out.join("\n")}\n`;
}
