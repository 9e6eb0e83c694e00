import { describe, expect, it } from "vitest";
import { locateJsonError } from "./json-position";

describe("locateJsonError", () => {
  const cases: [string, { given: string; want: { offset: number; line: number; column: number } | null }][] =
    [
      ["valid object", { given: '{"a": [1, -2.5e3, true, null, "x\\u00e9"]}', want: null }],
      ["valid scalar", { given: " 42 ", want: null }],
      ["missing value", { given: '{"a":}', want: { offset: 5, line: 1, column: 6 } }],
      ["trailing comma", { given: "[1,]", want: { offset: 3, line: 1, column: 4 } }],
      ["second line", { given: '{\n  "a": 1\n  "b": 2\n}', want: { offset: 13, line: 3, column: 3 } }],
      ["unterminated string", { given: '{"a": "b', want: { offset: 8, line: 1, column: 9 } }],
      ["garbage after value", { given: "{} x", want: { offset: 3, line: 1, column: 4 } }],
      ["empty input", { given: "", want: { offset: 0, line: 1, column: 1 } }],
      ["single quotes", { given: "{'a': 1}", want: { offset: 1, line: 1, column: 2 } }],
    ];
  it.each(cases)("%s", (_name, { given, want }) => {
    const got = locateJsonError(given);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });

  it("agrees with JSON.parse on validity", () => {
    for (const text of ['{"a":1}', "[", "nul", '"\\x"', "01", "[1 2]", '{"a" 1}', "-", "1.", "true false"]) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(locateJsonError(text) === null, text).toBe(valid);
    }
  });
});
