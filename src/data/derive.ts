// Derived columns: a tiny arithmetic language over column names, parsed by hand, never eval'd.
import type { Row } from "./types.ts";

/**
 * Grammar (spaces and tabs between tokens are ignored):
 *   expression = term (("+" | "-") term)*
 *   term       = factor (("*" | "/") factor)*
 *   factor     = "-" factor | primary
 *   primary    = number | name | "(" expression ")"
 *   number     = digit+ ("." digit+)? | "." digit+
 *   name       = (letter | "_") (letter | digit | "_")*
 * Precedence and associativity are arithmetic's: `a - b - c` is `(a - b) - c`.
 */
export type Expression =
  | { kind: "number"; value: number }
  | { kind: "name"; name: string; index: number }
  | { kind: "negate"; operand: Expression }
  | { kind: "binary"; op: "+" | "-" | "*" | "/"; left: Expression; right: Expression };

/**
 * Where and why an expression does not parse; `index` is a 0-based character offset. `tooComplex`
 * marks an expression past the limits below, whose fix is to split it, not to correct a typo.
 */
export interface ExpressionError {
  index: number;
  reason: string;
  tooComplex?: boolean;
}

/**
 * Limits that keep parsing and evaluating (both recursive) far from the stack's end. A real
 * expression nests a few brackets and adds a dozen columns; 100 levels of brackets or minus signs
 * and 1,000 terms leave room for any of them. Past that it is generated or pasted text, and an
 * error that says to split it into derived columns (each may use the ones before it) is clearer
 * than evaluating 20,000 terms: the sidecar would then hold 20,000 column names nobody can check.
 */
const MAX_DEPTH = 100;
const MAX_TERMS = 1000;

interface Token {
  kind: "number" | "name" | "op" | "end";
  text: string;
  index: number;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()]))/y;

function tokenize(source: string): Token[] | ExpressionError {
  const tokens: Token[] = [];
  let index = 0;
  for (;;) {
    TOKEN.lastIndex = index;
    const match = TOKEN.exec(source);
    if (!match) {
      const rest = /\s*/y;
      rest.lastIndex = index;
      rest.exec(source);
      const at = rest.lastIndex;
      if (at >= source.length) break;
      return { index: at, reason: `unexpected \`${source[at]}\`` };
    }
    const text = match[1] ?? match[2] ?? match[3]!;
    const kind = match[1] ? "number" : match[2] ? "name" : "op";
    tokens.push({ kind, text, index: TOKEN.lastIndex - text.length });
    index = TOKEN.lastIndex;
  }
  tokens.push({ kind: "end", text: "", index: source.length });
  return tokens;
}

/** Parses an expression, or says where it goes wrong. */
export function parseExpression(source: string): { expression: Expression } | { error: ExpressionError } {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { error: tokens };
  let position = 0;
  const peek = (): Token => tokens[position]!;
  const fail = (token: Token): never => {
    throw {
      index: token.index,
      reason: token.kind === "end" ? "unexpected end of expression" : `unexpected \`${token.text}\``,
    };
  };
  let terms = 1;
  let depth = 0;
  const binary = (next: () => Expression, ops: string): Expression => {
    let left = next();
    while (peek().kind === "op" && ops.includes(peek().text)) {
      const token = tokens[position++]!;
      if (++terms > MAX_TERMS) {
        throw { index: token.index, reason: `more than ${MAX_TERMS} terms`, tooComplex: true };
      }
      left = { kind: "binary", op: token.text as "+", left, right: next() };
    }
    return left;
  };
  const expression = (): Expression => binary(term, "+-");
  const term = (): Expression => binary(factor, "*/");
  /** One level deeper for a bracket or a minus sign, refused past MAX_DEPTH. */
  const nested = <T>(token: Token, read: () => T): T => {
    if (++depth > MAX_DEPTH) {
      const reason = `more than ${MAX_DEPTH} brackets or minus signs inside each other`;
      throw { index: token.index, reason, tooComplex: true };
    }
    const result = read();
    depth--;
    return result;
  };
  const factor = (): Expression => {
    const token = tokens[position]!;
    if (token.kind === "op" && token.text === "-") {
      position++;
      return nested(token, () => ({ kind: "negate", operand: factor() }));
    }
    if (token.kind === "number") return (position++, { kind: "number", value: Number(token.text) });
    if (token.kind === "name") return (position++, { kind: "name", name: token.text, index: token.index });
    if (token.kind === "op" && token.text === "(") {
      position++;
      const inner = nested(token, expression);
      if (peek().text !== ")") {
        throw {
          index: peek().index,
          reason: peek().kind === "end" ? "missing `)`" : `unexpected \`${peek().text}\`, expected \`)\``,
        };
      }
      position++;
      return inner;
    }
    return fail(token);
  };
  try {
    const result = expression();
    if (peek().kind !== "end") fail(peek());
    return { expression: result };
  } catch (error) {
    if (error instanceof Error) throw error;
    return { error: error as ExpressionError };
  }
}

/** Every column name the expression reads, in order, with its character offset. */
export function expressionNames(expression: Expression): { name: string; index: number }[] {
  // A stack, not recursion with spreads: a long sum is a deep left-leaning tree.
  const names: { name: string; index: number }[] = [];
  const stack: Expression[] = [expression];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === "name") names.push({ name: node.name, index: node.index });
    else if (node.kind === "negate") stack.push(node.operand);
    else if (node.kind === "binary") stack.push(node.right, node.left);
  }
  return names;
}

/**
 * Evaluates on one row. A missing (null or non-numeric) input gives null, never 0; so does a
 * division by zero. Float noise is rounded away: 0.1 + 0.2 gives 0.3.
 */
export function evaluateExpression(expression: Expression, row: Row): number | null {
  const value = evaluate(expression, row);
  if (value === null || !Number.isFinite(value)) return null;
  return value === 0 ? 0 : Number(value.toPrecision(15));
}

function evaluate(expression: Expression, row: Row): number | null {
  switch (expression.kind) {
    case "number":
      return expression.value;
    case "name": {
      const value = row[expression.name];
      return typeof value === "number" ? value : null;
    }
    case "negate": {
      const value = evaluate(expression.operand, row);
      return value === null ? null : -value;
    }
    case "binary": {
      const left = evaluate(expression.left, row);
      const right = evaluate(expression.right, row);
      if (left === null || right === null) return null;
      if (expression.op === "/") return right === 0 ? null : left / right;
      return expression.op === "+" ? left + right : expression.op === "-" ? left - right : left * right;
    }
  }
}
