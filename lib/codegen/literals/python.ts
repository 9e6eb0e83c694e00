/**
 * Python literals for user values: the only way a user value enters generated Python code.
 *
 * Round trip: for every JS string `s`, `ast.literal_eval(pyString(s))` is the Python `str` whose code points
 * are `[...s]` — a well-formed surrogate pair becomes one astral code point, a lone surrogate becomes that
 * surrogate code point (Python `str` can hold it; written as `\udXXX`, since raw it could not be
 * UTF-8-encoded into the source file). Property-tested against CPython in `python.test.ts`.
 */
import type { JsonValue } from "@/lib/request/types";

import { UnrepresentableValue } from "./errors";

/**
 * Characters written as escapes rather than raw: all of Unicode's "Other" (control, format — incl. bidi
 * overrides —, surrogate, private use, unassigned) and "Separator" categories except the ASCII space. The
 * rest (letters, marks, digits, punctuation, symbols, emoji) stays readable: `"héllo"`, `"日本"`.
 * Matching is per code point (`u` flag), so a lone surrogate matches `\p{Cs}`.
 */
const ESCAPED_CHAR = /[\p{C}\p{Z}]/u;

const PY_SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** `\xNN`, `\uNNNN` or `\UNNNNNNNN` — Python's escapes by code point size. Never `\0` (octal would eat digits). */
function pyCodePointEscape(cp: number): string {
  if (cp < 0x100) return `\\x${hex(cp, 2)}`;
  if (cp < 0x10000) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

/**
 * A double-quoted Python `str` literal (no prefix: not an f-string, so `{` `}` are plain) that evaluates to
 * exactly `s` (see module comment for the surrogate mapping).
 */
export function pyString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const simple = PY_SIMPLE_ESCAPES[ch];
    if (simple !== undefined) out += simple;
    else if (ch !== " " && ESCAPED_CHAR.test(ch)) out += pyCodePointEscape(ch.codePointAt(0) ?? 0);
    else out += ch;
  }
  return `${out}"`;
}

/**
 * Python's `repr(float)` for a finite double: the shortest digits that round-trip (the same digits as JS
 * `toExponential()`), fixed notation when the decimal exponent is in [-4, 16), else `d.ddde±XX` with at
 * least two exponent digits. `-0` → `-0.0`, `1e21` → `1e+21`, `5e-324` → `5e-324`, `0.1` → `0.1`.
 * @see https://docs.python.org/3/tutorial/floatingpoint.html (repr uses the shortest round-tripping string)
 * @see https://github.com/python/cpython/blob/3.11/Python/pystrtod.c (format_float_short, repr: 'r' mode, exponent thresholds -4 and 16)
 */
export function pyFloatRepr(x: number): string {
  if (!Number.isFinite(x)) throw new UnrepresentableValue("Python", `${x} is not a JSON number`);
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa = "", expText = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp >= -4 && exp < 16) {
    if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    return `${sign}${intPart}.${frac === "" ? "0" : frac}`;
  }
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
  const expSign = exp < 0 ? "-" : "+";
  return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/**
 * A JSON number as Python: safe integers (|n| < 2^53) as `int`, everything else as `float` with
 * {@link pyFloatRepr}. A JS number cannot carry an integer above 2^53 exactly (JSON.parse already rounded
 * it), so such values are written as the float they are (`1e+21`, `9007199254740992.0`), which is also
 * what Python's `json.loads` gives for `1e21`. `-0` is `-0.0` (Python's `int` has no negative zero).
 * @throws UnrepresentableValue for NaN and ±Infinity (not JSON).
 */
export function pyNumber(n: number): string {
  if (!Number.isFinite(n)) throw new UnrepresentableValue("Python", `${n} is not a JSON number`);
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) return String(n);
  return pyFloatRepr(n);
}

export interface PyLiteralOptions {
  /** One indentation level. Default four spaces (PEP 8). */
  readonly indentUnit?: string;
}

/**
 * A Python literal for a JSON value: `dict`/`list`/`str`/`int`/`float`/`True`/`False`/`None`. Non-empty
 * containers are printed one item per line with a trailing comma (Black style); `indent` is the nesting level
 * at which the literal starts, so continuation lines line up inside generated code. Keys are
 * {@link pyString}s and keep the object's own-key order (which for JS objects puts integer-like keys first).
 */
export function pyLiteral(value: JsonValue, indent = 0, options: PyLiteralOptions = {}): string {
  const unit = options.indentUnit ?? "    ";
  const write = (v: JsonValue, level: number): string => {
    if (v === null) return "None";
    if (v === true) return "True";
    if (v === false) return "False";
    if (typeof v === "string") return pyString(v);
    if (typeof v === "number") return pyNumber(v);
    const inner = unit.repeat(level + 1);
    const close = unit.repeat(level);
    if (Array.isArray(v)) {
      if (v.length === 0) return "[]";
      return `[\n${v.map((item) => `${inner}${write(item, level + 1)},\n`).join("")}${close}]`;
    }
    const entries = Object.entries(v);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, item]) => `${inner}${pyString(k)}: ${write(item, level + 1)},\n`).join("")}${close}}`;
  };
  return write(value, indent);
}
