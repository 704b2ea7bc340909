// One diagnostic shape for every layer: vfile's VFileMessage, built from a catalogue entry and a place.
import { VFileMessage } from "vfile-message";
import { catalogue, type ErrorCode, type ErrorParams } from "./catalogue.ts";

export { VFileMessage };

/** A 1-based line and column in a file, as an editor shows it. */
export interface Place {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Builds the message for `code` at `place`: reason and hint come from the catalogue. */
export function diagnostic<C extends ErrorCode>(
  code: C,
  params: ErrorParams<C>,
  place: Place,
  options: { warning?: boolean } = {},
): VFileMessage {
  const entry = catalogue[code] as {
    message: (p: ErrorParams<C>) => string;
    hint: (p: ErrorParams<C>) => string;
  };
  const position = {
    start: { line: place.line, column: place.column },
    end: { line: place.endLine ?? place.line, column: place.endColumn ?? place.column },
  };
  const message = new VFileMessage(entry.message(params), {
    place: position,
    ruleId: code,
    source: "plotline",
  });
  message.file = place.file;
  message.fatal = options.warning ? false : true;
  message.note = entry.hint(params);
  const actual = (params as { actual?: unknown }).actual;
  if (actual !== undefined) message.actual = String(actual);
  return message;
}

/** Collects every problem of a run, so it can fail once with all of them. */
export class Diagnostics {
  readonly messages: VFileMessage[] = [];

  add<C extends ErrorCode>(code: C, params: ErrorParams<C>, place: Place): VFileMessage {
    const message = diagnostic(code, params, place);
    this.messages.push(message);
    return message;
  }

  warn<C extends ErrorCode>(code: C, params: ErrorParams<C>, place: Place): VFileMessage {
    const message = diagnostic(code, params, place, { warning: true });
    this.messages.push(message);
    return message;
  }

  push(...messages: VFileMessage[]): void {
    this.messages.push(...messages);
  }

  get errorCount(): number {
    return this.messages.filter((m) => m.fatal).length;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}

/** Orders messages by file, line and column so output is stable whatever order checks ran in. */
export function sortMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.reason.localeCompare(b.reason),
  );
}
