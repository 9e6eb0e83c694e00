import { describe, expect, it } from "vitest";

import { parseOptions } from "./options";

describe("parseOptions", () => {
  it("defaults to 5 runs and 30 keystrokes", () => {
    expect(parseOptions([])).toEqual({ runs: 5, keystrokes: 30, help: false });
  });

  it("reads --runs N, --runs=N and --keystrokes", () => {
    expect(parseOptions(["--runs", "3"]).runs).toBe(3);
    expect(parseOptions(["--runs=7", "--keystrokes", "12"])).toEqual({
      runs: 7,
      keystrokes: 12,
      help: false,
    });
    expect(parseOptions(["-h"]).help).toBe(true);
  });

  it("rejects a missing, zero, negative or fractional count", () => {
    expect(() => parseOptions(["--runs"])).toThrow(/--runs needs a positive integer/);
    expect(() => parseOptions(["--runs", "0"])).toThrow(/positive integer/);
    expect(() => parseOptions(["--runs=-2"])).toThrow(/positive integer/);
    expect(() => parseOptions(["--keystrokes", "2.5"])).toThrow(/--keystrokes needs/);
  });

  it("rejects unknown arguments instead of silently using the defaults", () => {
    expect(() => parseOptions(["--run", "3"])).toThrow(/unknown argument: --run/);
  });
});
