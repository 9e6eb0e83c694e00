import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bareFileName, MAX_FILE_NAME_LENGTH } from "./bare-file-name";

describe("bareFileName", () => {
  it.each([["download.bin"], ["video.mp4"], ["report 2026.pdf"], ["résumé.txt"], ["a"], ["x".repeat(128)]])(
    "keeps the bare name %j",
    (name) => expect(bareFileName(name)).toBe(name),
  );

  it.each([
    ["~/.ssh/authorized_keys"],
    ["../../.bashrc"],
    [".bashrc"],
    [".."],
    ["."],
    ["/etc/passwd"],
    ["dir/file"],
    ["C:\\Windows\\x.dll"],
    ["C:x"],
    ["\\\\host\\share\\x"],
    ["file.txt:stream"],
    ["~backup"],
    ["-o"],
    ["name\nimport os"],
    ["name\u0000.txt"],
    ["evil\u202etxt.exe"],
    ["trailing."],
    ["trailing "],
    ["NUL"],
    ["com1.txt"],
    [""],
    ["x".repeat(MAX_FILE_NAME_LENGTH + 1)],
  ])("drops %j", (name) => expect(bareFileName(name)).toBeNull());

  it("never accepts a name that leaves the current folder or names a hidden file", () => {
    const cwd = "/work/here";
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (name) => {
        const kept = bareFileName(name);
        if (kept === null) return;
        for (const p of [path.posix, path.win32]) {
          const resolved = p.resolve(cwd, kept);
          expect(p.dirname(resolved)).toBe(p.resolve(cwd));
          expect(p.basename(resolved).startsWith(".")).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
