import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { applyEdit, minimalEdit } from "./minimal-edit";

/** Lone surrogates mean a pair was split. */
const wellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

describe("minimalEdit", () => {
  it("is null for equal texts", () => {
    expect(minimalEdit("", "")).toBeNull();
    expect(minimalEdit("same", "same")).toBeNull();
  });

  it("replaces only the changed middle of a regenerated snippet", () => {
    const before = "const res = await youtube.channels.list({\n  forHandle: 'ab',\n});\n";
    const after = "const res = await youtube.channels.list({\n  forHandle: 'abc',\n});\n";
    const at = before.indexOf("'ab'") + 3;
    expect(minimalEdit(before, after)).toEqual({ start: at, end: at, text: "c" });
    expect(minimalEdit(after, before)).toEqual({ start: at, end: at + 1, text: "" });
  });

  it("handles insertions at either end and complete replacement", () => {
    expect(minimalEdit("abc", "xabc")).toEqual({ start: 0, end: 0, text: "x" });
    expect(minimalEdit("abc", "abcx")).toEqual({ start: 3, end: 3, text: "x" });
    expect(minimalEdit("abc", "xyz")).toEqual({ start: 0, end: 3, text: "xyz" });
    expect(minimalEdit("", "new")).toEqual({ start: 0, end: 0, text: "new" });
    expect(minimalEdit("old", "")).toEqual({ start: 0, end: 3, text: "" });
  });

  it("never splits a surrogate pair", () => {
    // 😀 = \ud83d\ude00, 😁 = \ud83d\ude01: same high half, different low half.
    const e = minimalEdit("a😀b", "a😁b")!;
    expect(e).toEqual({ start: 1, end: 3, text: "😁" });
    const f = minimalEdit("x\ud83d\ude00", "y\ud83d\ude00")!;
    expect(f.text).toBe("y");
    // Different high halves, same low half: the suffix must not keep the low half alone.
    const g = minimalEdit("\ud83d\ude00z", "\ud83c\ude00z")!;
    expect(wellFormed(g.text)).toBe(true);
    expect(applyEdit("\ud83d\ude00z", g)).toBe("\ud83c\ude00z");
  });

  it("round-trips and stays minimal for arbitrary texts (property)", () => {
    const text = fc.string({ unit: "grapheme-composite", maxLength: 40 });
    fc.assert(
      fc.property(text, text, text, (prefix, middle, suffix) => {
        const before = prefix + suffix;
        const after = prefix + middle + suffix;
        for (const [a, b] of [
          [before, after],
          [after, before],
        ] as const) {
          const edit = minimalEdit(a, b);
          expect(applyEdit(a, edit)).toBe(b);
          if (edit !== null) {
            expect(wellFormed(edit.text)).toBe(true);
            // At most the inserted or deleted middle, plus at most one surrogate half on each side.
            expect(edit.end - edit.start + edit.text.length).toBeLessThanOrEqual(middle.length + 4);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("keeps nasty snippet text intact (quotes, backslashes, template syntax, newlines)", () => {
    const nasty = ["'", '"', "\\", "${x}", "`", "\n", "\r\n", "\u2028", "é", "👩‍💻"];
    for (const a of nasty)
      for (const b of nasty) {
        const before = `q: '${a}',\n`;
        const after = `q: '${a}${b}',\n`;
        expect(applyEdit(before, minimalEdit(before, after))).toBe(after);
        expect(applyEdit(after, minimalEdit(after, before))).toBe(before);
      }
  });
});
