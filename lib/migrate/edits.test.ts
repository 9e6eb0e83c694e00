import { describe, expect, it } from "vitest";

import { applyEdits, OverlappingEdits } from "./edits";

describe("applyEdits", () => {
  it("applies edits in any order and keeps everything else byte for byte", () => {
    const src = "a = 1  # keep\r\nb = 2\n";
    const out = applyEdits(src, [
      { from: 15, to: 16, insert: "c" },
      { from: 0, to: 1, insert: "x" },
    ]);
    expect(out).toBe("x = 1  # keep\r\nc = 2\n");
  });

  it("refuses overlapping edits and two insertions at one point", () => {
    expect(() =>
      applyEdits("abcdef", [
        { from: 1, to: 4, insert: "" },
        { from: 3, to: 5, insert: "" },
      ]),
    ).toThrow(OverlappingEdits);
    expect(() =>
      applyEdits("abc", [
        { from: 1, to: 1, insert: "x" },
        { from: 1, to: 1, insert: "y" },
      ]),
    ).toThrow(OverlappingEdits);
  });

  it("accepts an identical edit twice (two fixes needing the same import) once", () => {
    expect(
      applyEdits("ab", [
        { from: 1, to: 1, insert: "X" },
        { from: 1, to: 1, insert: "X" },
      ]),
    ).toBe("aXb");
  });

  it("adjacent edits do not overlap", () => {
    expect(
      applyEdits("abcd", [
        { from: 0, to: 2, insert: "1" },
        { from: 2, to: 4, insert: "2" },
      ]),
    ).toBe("12");
  });
});
