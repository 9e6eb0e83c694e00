/**
 * fast-check arbitraries for the escaper properties (shared by the *.test.ts files and bench-escapers.ts).
 * They aim at what breaks escapers: quotes of every kind, backslashes, `${`, backticks, `{}`, NUL and other
 * controls, line/paragraph separators, bidi controls, BOM, astral characters, and lone surrogates.
 */
import fc from "fast-check";

import type { JsonValue } from "@/lib/request/types";

const NASTY = [
  "'",
  '"',
  "`",
  "\\",
  "${",
  "{",
  "}",
  "$",
  "\0",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "\x7f",
  "\x1b",
  "\u0085",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\u202e",
  "\ufeff",
  "\u{1F600}",
  "é",
  "日",
  "\\x00",
  "\\u{",
  "\\",
  "0",
  "7",
  "\ud800",
  "\udfff",
  "\ud83d",
  "\ude00",
  "'\\''",
  "%s",
  "!",
  "*",
  "~",
  "#",
  " ",
] as const;

/** One UTF-16 code unit, any value (lone surrogates included). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));

/** Units that mix every kind of trouble; strings are joins of these. */
export const nastyUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 1, minLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 1, minLength: 1 }) },
  { weight: 1, arbitrary: codeUnit },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 1, minLength: 1 }) },
);

/** Any JS string, weighted towards the nasty cases; may contain lone surrogates and NUL. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: nastyUnit, maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.string({ unit: codeUnit, maxLength: 8 }),
);

/** Strings a shell can carry: no NUL, no lone surrogate. */
export const shellString: fc.Arbitrary<string> = anyString.map((s) =>
  s.replaceAll("\0", "").replace(/\p{Cs}/gu, "\ufffd"),
);

/** Doubles that stress number printing, plus ordinary ones. */
export const jsonNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.1,
    1e21,
    1e-7,
    1e-5,
    1e-4,
    1e15,
    1e16,
    1e16 + 2,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    5e-324,
    1.7976931348623157e308,
    123456789012345680,
    0.30000000000000004,
  ),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Keys: nasty strings plus the JS/Python specials (`__proto__`, `constructor`, integer-like keys). */
const jsonKey: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "0",
      "1",
      "10",
      "-1",
      "max-results",
      "$.xgafv",
      "a b",
      "",
      "import",
      "None",
    ),
  },
);

/** Nested JSON bodies with the arbitraries above. */
export const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    jsonNumber,
    anyString,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(jsonKey, tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** `PROPERTY_RUNS` (default 2000): cases per property in the unit tests. */
export function propertyRuns(): number {
  const n = Number(process.env.PROPERTY_RUNS ?? "2000");
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 2000;
}
