// Finds control characters in a story file (frontmatter, chart blocks and prose alike), each at
// the line and column an editor shows, so the build stops at the character itself.
//
// An error, not a silent strip: a control character in a title or a note is nearly always a
// paste from Word, Excel or a PDF (a vertical tab where a soft line break was, a stray NUL from a
// form), and the words around it were often pasted wrong too. Stripping it would hide that, and
// turning a vertical tab into a space would guess. Left in, it makes `/charts/<id>.svg` and
// `rss.xml` ill-formed XML and the PNG fail with no position. The hint says what to do instead.
import { Diagnostics, type VFileMessage } from "../errors/diagnostic.ts";

// C0 controls except tab (U+0009), LF (U+000A) and CR (U+000D), and DEL (U+007F): not allowed
// as text in XML 1.0 (DEL is allowed but invisible, and a sure sign of a bad paste).

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Lines end as an editor ends them: CRLF, LF or a bare CR.
const LINE_END = /\r\n|\r|\n/;
/** Reported lines at most: a file pasted from a binary would otherwise give one per line. */
const MAX_REPORTED = 20;

/** `U+000B` for a vertical tab. */
export const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;

/** One error per line holding a control character, at the first one on it. */
export function controlCharacterMessages(text: string, file: string): VFileMessage[] {
  const diagnostics = new Diagnostics();
  if (!CONTROL.test(text)) return [];
  const lines = text.split(LINE_END);
  for (const [index, line] of lines.entries()) {
    const match = CONTROL.exec(line);
    if (!match) continue;
    if (diagnostics.messages.length === MAX_REPORTED) break;
    diagnostics.add(
      "TextControlCharacter",
      { code: codePoint(match[0]) },
      { file, line: index + 1, column: match.index + 1 },
    );
  }
  return diagnostics.messages;
}
