// Runs the W3C Nu HTML Checker (vnu-jar) over a list of HTML files in one Java process and
// returns its messages grouped by file.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

// vnu-jar's main export is the path of the jar (a String object).
const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

export async function checkHtml(files: string[]): Promise<Map<string, NuMessage[]>> {
  // The jar writes its JSON report to stderr and exits 1 when it finds errors.
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn("java", ["-jar", vnuJar, "--format", "json", "--skip-non-html", ...files]);
    let text = "";
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.on("error", (error) =>
      reject(new Error(`The Nu HTML Checker needs Java 11 or newer on PATH (${error.message})`)),
    );
    child.on("close", () => resolve(text));
  });
  const report = JSON.parse(stderr) as { messages: NuMessage[] };
  const byFile = new Map<string, NuMessage[]>(files.map((f) => [f, []]));
  for (const message of report.messages) {
    const file = message.url.startsWith("file:") ? fileURLToPath(message.url) : message.url;
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file)!.push(message);
  }
  return byFile;
}

export const isError = (m: NuMessage) => m.type !== "info";
export const isWarning = (m: NuMessage) => m.type === "info" && m.subType === "warning";

export const formatNu = (file: string, m: NuMessage) =>
  `${file}:${m.lastLine ?? 0}:${m.lastColumn ?? 0}: ${m.type === "info" ? (m.subType ?? "info") : "error"}: ${m.message}` +
  (m.extract ? `\n    ${m.extract.replace(/\s+/g, " ").trim()}` : "");
