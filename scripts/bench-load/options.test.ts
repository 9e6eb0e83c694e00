import { describe, expect, it } from "vitest";

import { parseOptions } from "./options";

describe("bench:load options", () => {
  it("defaults to 10 s per case and three repeats, starting its own server", () => {
    expect(parseOptions([])).toEqual({ duration: 10, repeats: 3, url: null, only: [], help: false });
  });

  it("--quick is a few seconds and one repeat; explicit flags still win", () => {
    expect(parseOptions(["--quick"])).toMatchObject({ duration: 3, repeats: 1 });
    expect(parseOptions(["--quick", "--duration=5"])).toMatchObject({ duration: 5, repeats: 1 });
  });

  it("refuses a case longer than 20 s (each case must stop by itself, soon)", () => {
    expect(() => parseOptions(["--duration", "21"])).toThrow(/1 to 20/);
    expect(() => parseOptions(["--duration", "0"])).toThrow(/1 to 20/);
  });

  it("targets only loopback URLs", () => {
    expect(parseOptions(["--url", "http://127.0.0.1:3000/x"]).url).toBe("http://127.0.0.1:3000");
    expect(parseOptions(["--url=http://localhost:4000"]).url).toBe("http://localhost:4000");
    expect(() => parseOptions(["--url", "https://explorer.example.com"])).toThrow(/loopback/);
    expect(() => parseOptions(["--url", "file:///etc/passwd"])).toThrow(/http/);
  });

  it("collects --only names and rejects unknown arguments", () => {
    expect(parseOptions(["--only", "search", "--only=method"]).only).toEqual(["search", "method"]);
    expect(() => parseOptions(["--durations", "3"])).toThrow(/unknown argument/);
  });
});
