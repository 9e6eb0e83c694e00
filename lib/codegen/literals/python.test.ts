import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { UnrepresentableValue } from "./errors";
import { pyFloatRepr, pyLiteral, pyNumber, pyString } from "./python";
import { anyString, jsonNumber, jsonValue, propertyRuns } from "./testing/arbitraries";
import { expectedPyTagged, pythonEvalLiterals, type PyTagged } from "./testing/oracles";

describe("pyString", () => {
  it.each<[string, string, string]>([
    ["plain", "hello", '"hello"'],
    ["double quote and backslash", 'a"b\\c', '"a\\"b\\\\c"'],
    ["single quote stays", "it's", '"it\'s"'],
    ["braces are inert (no f-string)", "{x}", '"{x}"'],
    ["NUL before a digit", "\u00001", '"\\x001"'],
    ["newline, CR, tab", "a\nb\rc\td", '"a\\nb\\rc\\td"'],
    ["readable non-ASCII", "héllo 日本", '"héllo 日本"'],
    ["emoji stays readable", "😀", '"😀"'],
    ["bidi override escaped", "a\u202eb", '"a\\u202eb"'],
    ["NBSP and line separator escaped", "\u00a0\u2028", '"\\xa0\\u2028"'],
    ["lone surrogate", "\ud800x", '"\\ud800x"'],
    ["astral private use", "\u{f0000}", '"\\U000f0000"'],
  ])("%s", (_name, given, want) => {
    expect(pyString(given)).toBe(want);
  });
});

describe("pyNumber / pyFloatRepr", () => {
  it.each<[number, string]>([
    [0, "0"],
    [-0, "-0.0"],
    [42, "42"],
    [-(2 ** 53 - 1), "-9007199254740991"],
    [2 ** 53, "9007199254740992.0"],
    [1e21, "1e+21"],
    [1e16, "1e+16"],
    [1e15 + 0.5, "1000000000000000.5"],
    [0.1, "0.1"],
    [1e-4, "0.0001"],
    [1e-5, "1e-05"],
    [5e-324, "5e-324"],
    [1.5e300, "1.5e+300"],
  ])("%s → %s", (given, want) => {
    expect(pyNumber(given)).toBe(want);
  });

  it("rejects NaN and Infinity", () => {
    expect(() => pyNumber(Number.NaN)).toThrow(UnrepresentableValue);
    expect(() => pyFloatRepr(Number.POSITIVE_INFINITY)).toThrow(UnrepresentableValue);
  });
});

describe("pyLiteral", () => {
  it("pretty-prints nested bodies at the given indent", () => {
    const body = { snippet: { title: 'a "b"', tags: ["x", 1, 2.5, true, null] }, "max-results": {}, e: [] };
    expect(pyLiteral(body, 1)).toBe(
      [
        "{",
        '        "snippet": {',
        '            "title": "a \\"b\\"",',
        '            "tags": [',
        '                "x",',
        "                1,",
        "                2.5,",
        "                True,",
        "                None,",
        "            ],",
        "        },",
        '        "max-results": {},',
        '        "e": [],',
        "    }",
      ].join("\n"),
    );
  });

  it("keeps __proto__ as an ordinary key", () => {
    expect(pyLiteral(JSON.parse('{"__proto__": 1}') as object as Record<string, number>)).toBe(
      '{\n    "__proto__": 1,\n}',
    );
  });
});

/** Checks literals against CPython in one process; returns the failures as readable records. */
function checkAgainstPython<T>(
  cases: readonly T[],
  toLiteral: (c: T) => string,
  expected: (c: T) => PyTagged,
) {
  const literals = cases.map(toLiteral);
  const got = pythonEvalLiterals(literals);
  const failures: { input: T; literal: string; got: PyTagged; want: PyTagged }[] = [];
  cases.forEach((c, i) => {
    const want = expected(c);
    if (JSON.stringify(got[i]) !== JSON.stringify(want))
      failures.push({ input: c, literal: literals[i] ?? "", got: got[i] ?? null, want });
  });
  return failures;
}

describe("round trip through CPython (ast.literal_eval), batched", () => {
  const runs = propertyRuns();
  const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);

  it(`${runs} strings (seed ${seed})`, () => {
    const cases = fc.sample(anyString, { numRuns: runs, seed });
    expect(checkAgainstPython(cases, pyString, (s) => expectedPyTagged(s, pyFloatRepr)).slice(0, 3)).toEqual(
      [],
    );
  });

  it(`${runs} numbers, float repr identical to Python's repr (seed ${seed})`, () => {
    const cases = fc.sample(jsonNumber, { numRuns: runs, seed });
    expect(checkAgainstPython(cases, pyNumber, (n) => expectedPyTagged(n, pyFloatRepr)).slice(0, 3)).toEqual(
      [],
    );
  });

  it(`${runs} nested JSON values (seed ${seed})`, () => {
    const cases = fc.sample(jsonValue, { numRuns: runs, seed });
    expect(
      checkAgainstPython(
        cases,
        (v) => pyLiteral(v, 2),
        (v) => expectedPyTagged(v, pyFloatRepr),
      ).slice(0, 3),
    ).toEqual([]);
  });
});

describe("the Python oracle itself", () => {
  it("tells an astral character from an escaped surrogate pair, and reports syntax errors", () => {
    const [pair, astral, broken] = pythonEvalLiterals(['"\\ud83d\\ude00"', '"\\U0001f600"', '"\\x0"']);
    expect(pair).toEqual({ s: [0xd83d, 0xde00] });
    expect(astral).toEqual(expectedPyTagged("😀", pyFloatRepr));
    expect(broken).toHaveProperty("error");
  });
});
