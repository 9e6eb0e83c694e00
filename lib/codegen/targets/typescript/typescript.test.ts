/**
 * Type-checks every golden TypeScript snippet against the installed googleapis 188 in ONE `tsc --strict`
 * program (module nodenext, target es2022), as a user's `snippet.mts` would be compiled. Zero diagnostics.
 * The files are written under node_modules/.cache (outside the project's tsconfig, inside node resolution).
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

import { loadAllFixtures, ROOT } from "../../__fixtures__/load";
import { typescriptTarget } from "./client";

const fixtures = loadAllFixtures().filter((f) => f.input !== null);
const dir = join(ROOT, "node_modules", ".cache", `codegen-tsc-${process.pid}`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("typescript snippets type-check with googleapis 188 (tsc --strict, nodenext)", () => {
  it("has no diagnostics in any golden snippet", () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
    const files = fixtures.map((fx) => {
      const file = join(dir, `${fx.name}.mts`);
      writeFileSync(file, typescriptTarget.generate(fx.input!, fx.options));
      return file;
    });
    // Negative control in the same program: proves the check is live (`mine: 'true'` must not compile).
    const channels = fixtures.find((fx) => fx.name === "youtube-channels-list");
    const control = join(dir, "negative-control.mts");
    if (channels) {
      const broken = typescriptTarget
        .generate(channels.input!, channels.options)
        .replace("mine: true,", "mine: 'true',");
      expect(broken).toContain("mine: 'true',");
      writeFileSync(control, broken);
    }
    const program = ts.createProgram(channels ? [...files, control] : files, {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      types: ["node"],
      noUnusedLocals: true,
    });
    const all = ts.getPreEmitDiagnostics(program);
    if (channels) {
      // TS2769 "No overload matches this call" (or TS2322 on a direct assignment).
      const codes = all.filter((d) => d.file?.fileName === control).map((d) => d.code);
      expect(codes.some((c) => c === 2769 || c === 2322)).toBe(true);
    }
    const diagnostics = all
      .filter((d) => d.file?.fileName !== control)
      .map((d) => {
        const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
        const name = d.file ? d.file.fileName.slice(dir.length + 1) : "";
        return `${name}${where ? `:${where.line + 1}:${where.character + 1}` : ""} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
      });
    expect(diagnostics).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(10);
  }, 180_000);
});
