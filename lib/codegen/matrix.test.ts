/**
 * Golden matrix (style anchor 5): every fixture in __fixtures__/requests × every registered target, compared
 * with lib/codegen/targets/<target>/__expected__/<fixture>.<ext>. A missing expected file fails naming its path.
 * Regenerate: UPDATE_GOLDEN=1 npx vitest run lib/codegen/matrix
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

import { describe, expect, it } from "vitest";

import { loadAllFixtures } from "./__fixtures__/load";
import { TARGETS } from "./registry";
import { TARGET_IDS } from "./types";

const update = process.env.UPDATE_GOLDEN === "1";
const fixtures = loadAllFixtures();

export function expectedPath(targetId: string, fixture: string, extension: string): string {
  return join(__dirname, "targets", targetId, "__expected__", `${fixture}.${extension}`);
}

describe.each(TARGET_IDS.map((id) => [id, TARGETS[id]] as const))("target %s", (targetId, target) => {
  for (const fx of fixtures) {
    it.skipIf(fx.input === null)(`${fx.name}${fx.skip ? ` (skipped: ${fx.skip})` : ""}`, () => {
      if (fx.input === null) return;
      const actual = target.generate(fx.input, fx.options);
      const file = expectedPath(targetId, fx.name, target.extension);
      if (update) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
        return;
      }
      if (!existsSync(file)) {
        throw new Error(
          `Missing golden file ${file}. Run: UPDATE_GOLDEN=1 npx vitest run lib/codegen/matrix`,
        );
      }
      expect(actual).toBe(readFileSync(file, "utf8"));
    });
  }
});

describe("fixture set", () => {
  it("covers the required cases", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
  });
});
