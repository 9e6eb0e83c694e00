/**
 * TypeScript/JavaScript literals for user values: the only way a user value enters generated TS code.
 *
 * Always single-quoted string literals, never template literals (so `${` and backticks are inert).
 * Round trip: the cooked value of `tsString(s)` is exactly `s`, code unit for code unit, lone surrogates
 * included. Property-tested with the TypeScript parser and `new Function` in `typescript.test.ts`.
 */
import type { JsonValue } from "@/lib/request/types";

import { UnrepresentableValue } from "./errors";

/** See `python.ts`: Unicode "Other" and "Separator" (minus space) are escaped, everything else stays readable. */
const ESCAPED_CHAR = /[\p{C}\p{Z}]/u;

const TS_SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "'": "\\'",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/**
 * `\xNN`, `\uNNNN` (also for each lone surrogate) or `\u{NNNNN}`. NUL is `\x00`, never `\0` (which is a
 * syntax error before a digit in strict code). U+2028/2029 are always escaped (they end a line in older
 * parsers and in comments copied around the literal).
 */
function tsCodePointEscape(cp: number): string {
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\u{${hex(cp, 5)}}`;
}

/** A single-quoted TS/JS string literal whose value is exactly `s`. */
export function tsString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const simple = TS_SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (ch !== " " && ESCAPED_CHAR.test(ch)) out += tsCodePointEscape(ch.codePointAt(0) ?? 0);
    else out += ch;
  }
  return `${out}'`;
}

/**
 * ECMAScript reserved words (ES2022 §12.7.2 ReservedWord), plus the strict-mode ones. They are valid
 * property names (`x.delete`, `{ import: 1 }`) but not binding names — see {@link isTsIdentifierName}.
 * @see https://tc39.es/ecma262/#prod-ReservedWord
 */
export const JS_RESERVED_WORDS: ReadonlySet<string> = new Set([
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "yield",
  "let",
  "static",
  "implements",
  "interface",
  "package",
  "private",
  "protected",
  "public",
]);

/**
 * An ASCII IdentifierName: usable after `.` and as an unquoted object-literal key (reserved words included).
 * Non-ASCII identifiers are valid JS but are quoted here on purpose (readability, no Unicode-version drift).
 */
export function isTsIdentifierName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/**
 * An object-literal key for a JSON data key, with `JSON.parse` semantics (an own data property):
 * `foo`, `'max-results'`, and `['__proto__']` — a plain `__proto__: 1` or `'__proto__': 1` in an object
 * literal sets the prototype instead of creating a property (ES2022 §13.2.5.5 / B.3.1), a computed key does not.
 * @see https://tc39.es/ecma262/#sec-__proto__-property-names-in-object-initializers
 */
export function tsPropertyKey(key: string): string {
  if (key === "__proto__") return `[${tsString(key)}]`;
  return isTsIdentifierName(key) ? key : tsString(key);
}

/**
 * A JSON number as TS source: `String(n)` round-trips every finite double (`1e+21`, `5e-324`, `0.1`);
 * `-0` is written `-0`. Negative numbers are a unary minus applied to the literal.
 * @throws UnrepresentableValue for NaN and ±Infinity (not JSON).
 */
export function tsNumber(n: number): string {
  if (!Number.isFinite(n)) throw new UnrepresentableValue("TypeScript", `${n} is not a JSON number`);
  return Object.is(n, -0) ? "-0" : String(n);
}

export interface TsLiteralOptions {
  /** One indentation level. Default two spaces (Prettier). */
  readonly indentUnit?: string;
}

/**
 * A TS expression for a JSON value: object/array literals one item per line with trailing commas, keys via
 * {@link tsPropertyKey}, strings via {@link tsString}. `indent` is the nesting level where the literal starts.
 * The result is a plain data object; TypeScript infers a literal type from it, which the caller may need
 * to widen or annotate (e.g. assign to a `Schema$…` typed variable).
 */
export function tsLiteral(value: JsonValue, indent = 0, options: TsLiteralOptions = {}): string {
  const unit = options.indentUnit ?? "  ";
  const write = (v: JsonValue, level: number): string => {
    if (v === null) return "null";
    if (typeof v === "boolean") return String(v);
    if (typeof v === "string") return tsString(v);
    if (typeof v === "number") return tsNumber(v);
    const inner = unit.repeat(level + 1);
    const close = unit.repeat(level);
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[\n${v.map((item) => `${inner}${write(item, level + 1)},\n`).join("")}${close}]`;
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, item]) => `${inner}${tsPropertyKey(k)}: ${write(item, level + 1)},\n`).join("")}${close}}`;
  };
  return write(value, indent);
}
