import ts from "typescript";
import { describe, expect, it } from "vitest";

import { tsApiVariable } from "./client";

describe("tsApiVariable: the service name never becomes a variable unchecked", () => {
  it("keeps plain API names", () => {
    expect(["youtube", "youtubeAnalytics", "prod_tt_sasportal"].map(tsApiVariable)).toEqual([
      "youtube",
      "youtubeAnalytics",
      "prod_tt_sasportal",
    ]);
  });
  it("reserved words, template names and globals fall back to `api` (each one parses as a module binding)", () => {
    for (const name of [
      "await",
      "return",
      "yield",
      "let",
      "eval",
      "console",
      "google",
      "res",
      "JSON",
      "",
      "1a",
      "Youtube",
    ]) {
      const v = tsApiVariable(name);
      expect(v, name).toBe("api");
    }
    expect(tsApiVariable("x\ny-z")).toBe("x_y_z");
    const sf = ts.createSourceFile(
      "x.mts",
      `const ${tsApiVariable("await")} = 1;`,
      ts.ScriptTarget.ES2022,
      true,
    );
    expect((sf as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
  });
});
