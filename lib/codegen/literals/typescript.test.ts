import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { JsonValue } from "@/lib/request/types";

import { UnrepresentableValue } from "./errors";
import { anyString, jsonNumber, jsonValue, propertyRuns } from "./testing/arbitraries";
import { exactJsonEqual, tsEvalWithEngine, tsEvalWithParser } from "./testing/oracles";
import { tsLiteral, tsNumber, tsPropertyKey, tsString } from "./typescript";

describe("tsString", () => {
  it.each<[string, string, string]>([
    ["plain", "hello", "'hello'"],
    ["quote and backslash", "it's \\", "'it\\'s \\\\'"],
    ["double quote stays", 'a"b', "'a\"b'"],
    ["template syntax is inert", "${x} `y`", "'${x} `y`'"],
    ["NUL before a digit", "\u00001", "'\\x001'"],
    ["newline, CR, LS, PS", "\n\r\u2028\u2029", "'\\n\\r\\u2028\\u2029'"],
    ["readable non-ASCII", "héllo 日本 😀", "'héllo 日本 😀'"],
    ["bidi override and BOM escaped", "\u202e\ufeff", "'\\u202e\\ufeff'"],
    ["lone surrogates", "\udfff\ud800", "'\\udfff\\ud800'"],
    ["astral tag character", "\u{e0001}", "'\\u{e0001}'"],
  ])("%s", (_name, given, want) => {
    expect(tsString(given)).toBe(want);
  });
});

describe("tsPropertyKey / tsLiteral", () => {
  it.each<[string, string]>([
    ["foo", "foo"],
    ["max-results", "'max-results'"],
    ["$.xgafv", "'$.xgafv'"],
    ["delete", "delete"],
    ["0", "'0'"],
    ["", "''"],
    ["__proto__", "['__proto__']"],
  ])("key %j → %s", (given, want) => {
    expect(tsPropertyKey(given)).toBe(want);
  });

  it("__proto__ stays an own data property, as with JSON.parse", () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as JsonValue;
    const literal = tsLiteral(parsed);
    expect(literal).toBe("{\n  ['__proto__']: {\n    polluted: true,\n  },\n}");
    const evaluated = tsEvalWithEngine(literal);
    expect(evaluated.ok && exactJsonEqual(evaluated.value, parsed)).toBe(true);
    // The trap this avoids: a quoted non-computed key sets the prototype instead.
    const trap = tsEvalWithEngine("{ '__proto__': { polluted: true } }");
    expect(trap.ok && Object.keys(trap.value as object)).toEqual([]);
  });

  it("numbers", () => {
    expect([0, -0, 1e21, 5e-324, -1.5, 0.1].map(tsNumber)).toEqual([
      "0",
      "-0",
      "1e+21",
      "5e-324",
      "-1.5",
      "0.1",
    ]);
    expect(() => tsNumber(Number.NaN)).toThrow(UnrepresentableValue);
  });

  it("pretty-prints nested bodies at the given indent", () => {
    expect(tsLiteral({ a: [1, { "b-c": null }], d: {} }, 1)).toBe(
      "{\n    a: [\n      1,\n      {\n        'b-c': null,\n      },\n    ],\n    d: {},\n  }",
    );
  });
});

/** Both the TS parser's cooked values and the engine must give back exactly the input. */
function roundTrips(value: JsonValue, literal: string): boolean {
  const parsed = tsEvalWithParser(literal);
  const engine = tsEvalWithEngine(literal);
  return parsed.ok && engine.ok && exactJsonEqual(parsed.value, value) && exactJsonEqual(engine.value, value);
}

describe("round trip through the TypeScript parser and new Function (fast-check)", () => {
  const numRuns = propertyRuns();
  it(`${numRuns} strings`, () => {
    fc.assert(
      fc.property(anyString, (s) => roundTrips(s, tsString(s))),
      { numRuns },
    );
  });
  it(`${numRuns} numbers`, () => {
    fc.assert(
      fc.property(jsonNumber, (n) => roundTrips(n, tsNumber(n))),
      { numRuns },
    );
  });
  it(`${numRuns} nested JSON values`, () => {
    fc.assert(
      fc.property(jsonValue, (v) => roundTrips(v, tsLiteral(v, 1))),
      { numRuns },
    );
  });
  it("never emits a template literal", () => {
    fc.assert(
      fc.property(anyString, (s) => !tsString(s).includes("`") || s.includes("`")),
      { numRuns },
    );
  });
});

describe("the TypeScript oracles themselves", () => {
  it("reject template literals, prototype-setting keys and syntax errors; see -0", () => {
    expect(tsEvalWithParser("`a`").ok).toBe(false);
    expect(tsEvalWithParser("{ '__proto__': 1 }").ok).toBe(false);
    expect(tsEvalWithParser("'\\0 1'").ok).toBe(true);
    expect(tsEvalWithParser("'a").ok).toBe(false);
    expect(exactJsonEqual(0, -0)).toBe(false);
    expect(exactJsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });
});
