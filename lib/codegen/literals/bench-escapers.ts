/**
 * Long property run of the escapers against the real parsers, in batches (one process per batch).
 *   npx tsx lib/codegen/literals/bench-escapers.ts            # 100k cases per target
 *   BENCH_RUNS=20000 BENCH_SEED=7 npx tsx lib/codegen/literals/bench-escapers.ts
 * Prints, per target, cases checked, failures (with the first few inputs) and time; exits 1 on any failure.
 */
import fc from "fast-check";

import type { JsonValue } from "@/lib/request/types";

import { pyFloatRepr, pyLiteral } from "./python";
import { shQuote, shQuoteIfNeeded } from "./shell";
import { anyString, jsonValue, shellString } from "./testing/arbitraries";
import {
  exactJsonEqual,
  expectedPyTagged,
  pythonEvalLiterals,
  shellEchoWords,
  tsEvalWithEngine,
  tsEvalWithParser,
} from "./testing/oracles";
import { tsLiteral } from "./typescript";

const total = Number(process.env.BENCH_RUNS ?? 100_000);
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1_000_000);
const batchSize = 5_000;
const mixed: fc.Arbitrary<JsonValue> = fc.oneof(anyString, jsonValue);

interface Report {
  target: string;
  cases: number;
  failures: number;
  examples: unknown[];
  ms: number;
}

function run(
  target: string,
  arb: fc.Arbitrary<JsonValue> | fc.Arbitrary<string>,
  check: (batch: never[]) => unknown[],
): Report {
  const started = performance.now();
  const report: Report = { target, cases: 0, failures: 0, examples: [], ms: 0 };
  for (let done = 0, b = 0; done < total; done += batchSize, b++) {
    const batch = fc.sample(arb as fc.Arbitrary<never>, {
      numRuns: Math.min(batchSize, total - done),
      seed: seed + b,
    });
    const failed = check(batch);
    report.cases += batch.length;
    report.failures += failed.length;
    report.examples.push(...failed.slice(0, 3 - report.examples.length));
  }
  report.ms = Math.round(performance.now() - started);
  return report;
}

const reports = [
  run("python (ast.parse + literal_eval)", mixed, (batch: JsonValue[]) => {
    const got = pythonEvalLiterals(batch.map((v) => pyLiteral(v, 1)));
    return batch.filter(
      (v, i) => JSON.stringify(got[i]) !== JSON.stringify(expectedPyTagged(v, pyFloatRepr)),
    );
  }),
  run("typescript (TS parser + new Function)", mixed, (batch: JsonValue[]) =>
    batch.filter((v) => {
      const lit = tsLiteral(v, 1);
      const a = tsEvalWithParser(lit);
      const b = tsEvalWithEngine(lit);
      return !(a.ok && b.ok && exactJsonEqual(a.value, v) && exactJsonEqual(b.value, v));
    }),
  ),
  run("shell (bash + dash, shQuote and shQuoteIfNeeded)", shellString, (batch: string[]) => {
    const words = [...batch.map(shQuote), ...batch.map(shQuoteIfNeeded)];
    const want = [...batch, ...batch].map((s) => Buffer.from(s, "utf8"));
    return shellEchoWords(words).flatMap(({ shell, outputs }) =>
      want.flatMap((w, i) => (outputs[i]?.equals(w) ? [] : [{ shell, input: batch[i % batch.length] }])),
    );
  }),
];

console.log(`seed ${seed}, ${total} cases per target, batches of ${batchSize}`);
for (const r of reports) {
  console.log(`${r.target}: ${r.cases} cases, ${r.failures} failures, ${(r.ms / 1000).toFixed(1)} s`);
  for (const e of r.examples) console.log(`  e.g. ${JSON.stringify(e)}`);
}
process.exitCode = reports.some((r) => r.failures > 0) ? 1 : 0;
