// The one printer: `file:line:column: message`, a code frame with a caret, then the hint.
import type { VFileMessage } from "vfile-message";

const FRAME_CONTEXT = 2;

// What a terminal may act on rather than show: C0 controls but tab and LF, DEL, C1 controls (CSI
// is U+009B), and the bidirectional overrides that reorder a line as it is shown ("Trojan Source").
// A hostile CSV cell quoted in a message must print as text such as `\x1b[31m`, never move the cursor.
const UNPRINTABLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `text` with every character a terminal could act on written as an escape: ESC as `\x1b`. */
export function escapeUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A few lines around `line` with a caret under `column`; empty when the source is unknown. */
export function codeFrame(source: string, line: number, column: number): string {
  const lines = source.split(/\r\n|\r|\n/);
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - FRAME_CONTEXT);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = (lines[n - 1] ?? "").replace(/\t/g, " ");
    const gutter = `${n === line ? ">" : " "} ${String(n).padStart(width)} | `;
    out.push(gutter + escapeUnprintable(raw));
    if (n === line) {
      // The caret moves right by what the escapes before it added.
      const before = escapeUnprintable(raw.slice(0, Math.max(0, column - 1))).length;
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(before)}^`);
    }
  }
  return out.join("\n");
}

export interface PrintOptions {
  /** Reads a file's text for the code frame; return undefined to print without one. */
  readSource?: (file: string) => string | undefined;
}

/** Formats one message for a terminal. */
export function formatMessage(message: VFileMessage, options: PrintOptions = {}): string {
  const where = `${message.file ?? "<unknown>"}:${message.line ?? 0}:${message.column ?? 0}`;
  const level = message.fatal === false ? "warning" : "error";
  const head = `${where}: ${level}: ${message.reason}${message.ruleId ? `  [${message.ruleId}]` : ""}`;
  const parts = [escapeUnprintable(head)];
  const source = message.file ? options.readSource?.(message.file) : undefined;
  if (source !== undefined && message.line) {
    const frame = codeFrame(source, message.line, message.column ?? 1);
    if (frame) parts.push(frame);
  }
  if (message.note) parts.push(`  hint: ${escapeUnprintable(message.note)}`);
  return parts.join("\n");
}

/** Formats every message and a summary line: "2 errors, 1 warning". */
export function formatReport(messages: readonly VFileMessage[], options: PrintOptions = {}): string {
  const errors = messages.filter((m) => m.fatal !== false).length;
  const warnings = messages.length - errors;
  const body = messages.map((m) => formatMessage(m, options)).join("\n\n");
  const summary = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return body ? `${body}\n\n${summary}` : summary;
}

/** Reads sources for code frames from the project folder; missing files just print without one. */
export function readSourceFrom(root: string, read: (path: string) => string): (file: string) => string | undefined {
  return (file) => {
    try {
      return read(`${root}/${file}`);
    } catch {
      return undefined;
    }
  };
}

/**
 * One message on one line, as compilers print them: `path:line:column  message  (hint)`, with
 * `warning: ` before the message of a warning. For `npm run check`, where one line per problem
 * makes a long list scannable and lets editors jump to each place.
 */
export function formatLine(message: VFileMessage): string {
  const where = `${message.file ?? "<unknown>"}:${message.line ?? 0}:${message.column ?? 0}`;
  const level = message.fatal === false ? "warning: " : "";
  return escapeUnprintable(`${where}  ${level}${message.reason}${message.note ? `  (${message.note})` : ""}`);
}
