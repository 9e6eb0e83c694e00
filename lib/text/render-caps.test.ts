import { describe, expect, it } from "vitest";
import { capList, capText, MAX_DESCRIPTION_CHARS, truncatedNote } from "./render-caps";

describe("render caps", () => {
  it("keeps short texts whole and cuts long ones, counting what was left out", () => {
    expect(capText("short")).toEqual({ text: "short", omitted: 0 });
    const long = "x".repeat(30 * 1024 * 1024);
    const capped = capText(long);
    expect(capped.text).toHaveLength(MAX_DESCRIPTION_CHARS);
    expect(capped.omitted).toBe(long.length - MAX_DESCRIPTION_CHARS);
    expect(truncatedNote(capped.omitted)).toBe(
      `… (truncated, ${(long.length - 20_000).toLocaleString("en-US")} characters)`,
    );
  });

  it("never splits a surrogate pair", () => {
    const capped = capText("ab😀cd", 3);
    expect(capped).toEqual({ text: "ab", omitted: 4 });
  });

  it("caps lists", () => {
    expect(capList([1, 2, 3], 2)).toEqual({ items: [1, 2], omitted: 1 });
    expect(capList([1], 2)).toEqual({ items: [1], omitted: 0 });
  });
});
