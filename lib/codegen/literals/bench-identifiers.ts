/**
 * The identifier mode of the escaper benchmark (sibling of bench-escapers.ts): long run of the identifier door,
 * random Discovery documents with hostile names (../testing/identifier-cases.ts), every case through all four
 * targets, in batches (one Python process per batch).
 *   npx tsx lib/codegen/literals/bench-identifiers.ts            # 100k cases per target
 *   BENCH_RUNS=20000 BENCH_SEED=7 npx tsx lib/codegen/literals/bench-identifiers.ts
 * Prints, per target, cases checked (a refusal is a checked case, counted apart), failures (with the first few
 * requests) and time; exits 1 on any failure.
 */
import fc from "fast-check";

import { checkIdentifierCases, identifierCase } from "../testing/identifier-cases";
import { TARGET_IDS } from "../types";

const total = Number(process.env.BENCH_RUNS ?? 100_000);
const seed = Number(process.env.BENCH_SEED ?? Date.now() % 1_000_000);
const batchSize = Number(process.env.BENCH_BATCH ?? 5_000);

const started = performance.now();
const reports = TARGET_IDS.map((target) => ({
  target,
  cases: 0,
  refused: 0,
  failures: 0,
  examples: [] as unknown[],
}));
for (let done = 0, b = 0; done < total; done += batchSize, b++) {
  const batch = fc.sample(identifierCase, { numRuns: Math.min(batchSize, total - done), seed: seed + b });
  const result = checkIdentifierCases(batch);
  const at = ((performance.now() - started) / 1000).toFixed(0);
  console.error(`… ${done + batch.length} cases, ${result.failures.length} failures in this batch, ${at} s`);
  reports.forEach((r) => {
    const failed = result.failures.filter((f) => f.target === r.target);
    r.cases += result.cases;
    r.refused += result.refused[r.target];
    r.failures += failed.length;
    r.examples.push(
      ...failed.slice(0, 3 - r.examples.length).map((f) => ({ problem: f.problem, request: f.case.request })),
    );
  });
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

console.log(
  `seed ${seed}, ${total} identifier cases per target, batches of ${batchSize}, ${seconds} s in all`,
);
for (const r of reports) {
  console.log(`${r.target} (identifiers): ${r.cases} cases, ${r.refused} refused, ${r.failures} failures`);
  for (const e of r.examples) console.log(`  e.g. ${JSON.stringify(e)}`);
}
process.exitCode = reports.some((r) => r.failures > 0 || r.cases < total) ? 1 : 0;
