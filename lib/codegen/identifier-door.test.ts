/**
 * The identifier door, as a property: random Discovery documents with arbitrary names, every target, either a
 * refusal or code of exactly the template's shape (see testing/identifier-cases.ts). PROPERTY_RUNS cases
 * (default 2000), PROPERTY_SEED replays. The long run is `npx tsx lib/codegen/literals/bench-identifiers.ts`.
 */
import { existsSync } from "node:fs";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { propertyRuns } from "./literals/testing/arbitraries";
import { VENV_PYTHON } from "./literals/testing/oracles";
import { checkIdentifierCases, identifierCase } from "./testing/identifier-cases";

const runs = propertyRuns();
const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 1_000_000);

describe.skipIf(!existsSync(VENV_PYTHON))("identifier door (property, every target)", () => {
  it(
    `${runs} random documents: each snippet is a refusal or compiles with the template's exact shape (seed ${seed})`,
    { timeout: 600_000 },
    () => {
      const cases = fc.sample(identifierCase, { numRuns: runs, seed });
      const report = checkIdentifierCases(cases);
      const shown = report.failures.slice(0, 5).map((f) => ({
        target: f.target,
        problem: f.problem.slice(0, 400),
        doc: JSON.stringify(f.case.doc).slice(0, 600),
        request: JSON.stringify(f.case.request),
      }));
      expect(shown).toEqual([]);
      expect(report.cases).toBe(runs);
    },
  );
});
