/**
 * The layer-boundary bans of eslint.config.mjs fire: the project's own config, run through ESLint's Node API on
 * one-line fixtures placed (by file path) in each layer. A ban that silently stopped matching (a renamed
 * module, a pattern that misses the relative spelling) fails here.
 */
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../", import.meta.url));
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The import bans reported for `code` as if it were the file at `filePath`. */
async function bans(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports")
    .map((m) => m.message);
}
const use = (spec: string, name = "x") => `import { ${name} } from "${spec}";\nexport const y = ${name};\n`;

describe("components/** may not call a loader", () => {
  it.each([
    "@/lib/discovery/load",
    "../../lib/discovery/load",
    "@/lib/discovery/sources/google",
    "@/lib/search/load",
    "@/lib/auth/server-config",
  ])("%s is refused", async (spec) => {
    expect(await bans("components/layout/fixture.tsx", use(spec))).toEqual([
      expect.stringContaining("Components get data as props"),
    ]);
  });

  it("a type from the loader and pure lib modules are allowed", async () => {
    expect(
      await bans(
        "components/layout/fixture.tsx",
        'import type { SourceInfo } from "@/lib/discovery/load";\nexport type S = SourceInfo;\n',
      ),
    ).toEqual([]);
    expect(await bans("components/layout/fixture.tsx", use("@/lib/discovery/load-status"))).toEqual([]);
    expect(await bans("components/layout/fixture.tsx", use("@/lib/routes"))).toEqual([]);
  });
});

describe("lib/codegen/** may not import a source", () => {
  it.each(["../discovery/sources/snapshot", "../../discovery/sources/google", "@/lib/discovery/load"])(
    "%s is refused",
    async (spec) => {
      expect(await bans("lib/codegen/fixture.ts", use(spec))).toEqual([
        expect.stringContaining("lib/codegen works on the model it is given"),
      ]);
    },
  );

  it("nor React (the lib/ ban still holds under the narrower block)", async () => {
    expect(await bans("lib/codegen/targets/fixture.ts", use("react", "useState"))).toEqual([
      expect.stringContaining("framework-free"),
    ]);
  });

  it("the model and the request are allowed", async () => {
    expect(await bans("lib/codegen/fixture.ts", use("../discovery/model-types"))).toEqual([]);
  });
});

describe("lib/** may not import React or Next", () => {
  it.each(["react", "react-dom/client", "next", "next/navigation", "next/server"])(
    "%s is refused",
    async (spec) => {
      expect(await bans("lib/search/fixture.ts", use(spec))).toEqual([
        expect.stringContaining("framework-free"),
      ]);
    },
  );

  it("outside lib/ they are fine, and lib/ may use its own loaders", async () => {
    expect(await bans("components/layout/fixture.tsx", use("next/navigation"))).toEqual([]);
    expect(await bans("lib/search/fixture.ts", use("../discovery/load"))).toEqual([]);
  });
});
