import { describe, expect, it } from "vitest";

import { parseOptions } from "./options";

describe("parseOptions", () => {
  it("defaults to 5 runs and 30 keystrokes", () => {
    expect(parseOptions([])).toEqual({ runs: 5, keystrokes: 30, port: 3300, help: false });
  });

  it("reads --runs N, --runs=N and --keystrokes", () => {
    expect(parseOptions(["--runs", "3"]).runs).toBe(3);
    expect(parseOptions(["--runs=7", "--keystrokes", "12"])).toEqual({
      runs: 7,
      keystrokes: 12,
      port: 3300,
      help: false,
    });
    expect(parseOptions(["--port", "4602"]).port).toBe(4602);
    expect(parseOptions(["-h"]).help).toBe(true);
  });

  it("rejects a missing, zero, negative or fractional count", () => {
    expect(() => parseOptions(["--runs"])).toThrow(/--runs needs a positive integer/);
    expect(() => parseOptions(["--runs", "0"])).toThrow(/positive integer/);
    expect(() => parseOptions(["--runs=-2"])).toThrow(/positive integer/);
    expect(() => parseOptions(["--keystrokes", "2.5"])).toThrow(/--keystrokes needs/);
    expect(() => parseOptions(["--port", "65535"])).toThrow(/P\+2/);
  });

  it("rejects unknown arguments instead of silently using the defaults", () => {
    expect(() => parseOptions(["--run", "3"])).toThrow(/unknown argument: --run/);
  });
});
