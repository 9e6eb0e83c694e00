import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { shQuote, shQuoteIfNeeded, UnrepresentableInShell } from "./shell";
import { propertyRuns, shellString } from "./testing/arbitraries";
import { shellEchoWords } from "./testing/oracles";

describe("shQuote", () => {
  it.each<[string, string]>([
    ["", "''"],
    ["abc", "'abc'"],
    ["it's", "'it'\\''s'"],
    ["$HOME `id` \\ \n !", "'$HOME `id` \\ \n !'"],
  ])("%j → %s", (given, want) => {
    expect(shQuote(given)).toBe(want);
  });

  it("rejects NUL and lone surrogates with a typed error", () => {
    expect(() => shQuote("a\0b")).toThrow(UnrepresentableInShell);
    expect(() => shQuote("a\ud800")).toThrow(expect.objectContaining({ reason: "lone-surrogate", index: 1 }));
    expect(shQuote("😀")).toBe("'😀'");
  });

  it.each<[string, string]>([
    ["https://youtube.googleapis.com/youtube/v3/videos", "https://youtube.googleapis.com/youtube/v3/videos"],
    ["a b", "'a b'"],
    ["", "''"],
    ["x?y=1&z", "'x?y=1&z'"],
    ["~", "'~'"],
  ])("shQuoteIfNeeded %j → %s", (given, want) => {
    expect(shQuoteIfNeeded(given)).toBe(want);
  });
});

describe("round trip through bash and dash (one script each, batched)", () => {
  const runs = propertyRuns();
  const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);
  it(`${runs} strings (seed ${seed})`, () => {
    const cases = fc.sample(shellString, { numRuns: runs, seed });
    const bare = cases.map(shQuoteIfNeeded);
    for (const { shell, outputs } of shellEchoWords([...cases.map(shQuote), ...bare])) {
      const failures = [...cases, ...cases]
        .map((s, i) => ({
          s,
          got: outputs[i]?.toString("hex"),
          want: Buffer.from(s, "utf8").toString("hex"),
        }))
        .filter((f) => f.got !== f.want);
      expect({ shell, count: outputs.length, failures: failures.slice(0, 3) }).toEqual({
        shell,
        count: 2 * cases.length,
        failures: [],
      });
    }
  });
});
