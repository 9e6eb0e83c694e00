/**
 * Search benchmark over the installed snapshot:
 * `npx tsx scripts/bench-search.ts [--concurrency N] [--no-libraries] [--verbose]`.
 * Builds the index from every document (the same code path as the server), then prints the build time, the index
 * size raw and gzipped (what the route sends), the time to parse + prepare it in a client, and per candidate — the
 * lexical index alone (as before intents), the palette's search (intent + lexical), MiniSearch and FlexSearch
 * (./bench-search-libraries.ts) — precision@3 over the plain-language intents of
 * lib/search/__fixtures__/intents.json and latency per keystroke (median / p95 / max over every prefix of those
 * and ~200 realistic queries). `--verbose` lists the missed intents. Prints figures only: no assertions.
 */
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { createDiscoveryLoader } from "../lib/discovery/load";
import { createSnapshotSource, defaultSnapshotDir } from "../lib/discovery/sources/snapshot";
import { buildSearchIndexFrom } from "../lib/search/load";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { prepareIntentIndex } from "../lib/search/intent";
import { clearSearchCache, prepareSearchIndex, searchIndex, type SearchHit } from "../lib/search/query";
import { evaluateIntents, type Intent } from "../lib/search/relevance";
import { clearSearchCaches, search } from "../lib/search/search";
import { flexSearch, miniSearch, type Candidate } from "./bench-search-libraries";
import type { SearchIndex } from "../lib/search/types";

const INTENTS = (
  JSON.parse(
    readFileSync(join(__dirname, "..", "lib", "search", "__fixtures__", "intents.json"), "utf8"),
  ) as {
    queries: Intent[];
  }
).queries;

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
const pct = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Queries people type: exact ids, spaced ids, partial words, abbreviations, verbs, paths and prose. */
function realisticQueries(index: SearchIndex): string[] {
  const fixed = [
    "youtube channels list",
    "yt chan list",
    "channels.list",
    "compute instances insert",
    "instances insert",
    "drive files",
    "drive files create",
    "gmail messages send",
    "gmail msgs",
    "storage objects get",
    "bigquery jobs query",
    "sheets values update",
    "calendar events list",
    "iam policy",
    "getIamPolicy",
    "set iam",
    "pubsub topics publish",
    "list",
    "get",
    "delete",
    "post",
    "upload video",
    "projects locations",
    "youtube:v3",
    "drive v2",
    "analytics",
    "cloud run services",
    "container clusters create",
    "dns records",
    "x",
    "zz",
    "kubernetes",
    "translate text",
    "vision annotate",
    "speech recognize",
    "spanner sessions",
    "firestore documents",
    "sql instances",
    "admin users",
    "dataproc",
  ];
  // Plus prefixes of real ids as typed one key at a time, and a sample of ids written with spaces.
  const ids = index.methods.filter((_, i) => i % 211 === 0).map((m) => m[1]);
  const typed: string[] = [];
  for (const id of ids.slice(0, 40)) {
    const spaced = id.replace(/\./g, " ");
    typed.push(
      spaced.slice(0, Math.ceil(spaced.length / 3)),
      spaced.slice(0, Math.ceil((2 * spaced.length) / 3)),
    );
    typed.push(id);
  }
  return [...fixed, ...typed].slice(0, 200);
}

function describe(hit: SearchHit | undefined): string {
  if (!hit) return "(nothing)";
  return hit.kind === "api"
    ? `API ${hit.api.n} ${hit.api.v}`
    : `${hit.id} (${hit.api.n} ${hit.api.v}, score ${hit.score.toFixed(1)})`;
}

async function main() {
  const dir = defaultSnapshotDir();
  if (!dir) {
    console.error("No snapshot found (run scripts/setup.sh or set EXPLORER_SNAPSHOT_DIR).");
    process.exitCode = 1;
    return;
  }
  const concurrencyArg = process.argv.indexOf("--concurrency");
  const concurrency = concurrencyArg > 0 ? Number(process.argv[concurrencyArg + 1]) : 8;
  const withLibraries = !process.argv.includes("--no-libraries");
  const verbose = process.argv.includes("--verbose");
  const loader = createDiscoveryLoader({
    primary: null,
    fallback: createSnapshotSource(dir),
    apiCacheSize: 2,
  });

  let t0 = performance.now();
  const index = await buildSearchIndexFrom(loader, { concurrency });
  const buildMs = performance.now() - t0;
  const body = JSON.stringify(index);
  const raw = Buffer.byteLength(body);
  const gz = gzipSync(body, { level: 6 }).length;
  console.log(`snapshot:        ${dir}`);
  console.log(
    `index:           ${index.apis.length} API versions, ${index.methods.length} methods, ${index.texts.length} distinct summaries, ${index.skipped.length} skipped`,
  );
  console.log(`build:           ${buildMs.toFixed(0)} ms (all documents, ${concurrency} at a time)`);
  console.log(`size:            ${kb(raw)} raw, ${kb(gz)} gzip (level 6)`);

  t0 = performance.now();
  const parsed = JSON.parse(body) as SearchIndex;
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const lexical = prepareSearchIndex(parsed);
  const lexicalMs = performance.now() - t0;
  t0 = performance.now();
  const prepared = prepareIntentIndex(lexical);
  const intentMs = performance.now() - t0;
  console.log(
    `client parse:    ${parseMs.toFixed(1)} ms JSON.parse, ${lexicalMs.toFixed(1)} ms prepare lexical + ${intentMs.toFixed(1)} ms prepare intent`,
  );

  // The candidates, on the same rows and the same queries.
  const ours: Candidate[] = [
    {
      name: "hand-written: lexical only (before)",
      prepareMs: lexicalMs,
      search: (q, limit) => {
        clearSearchCache(lexical); // the real cost of each query, not the results cache
        return [...searchIndex(lexical, q, limit).hits];
      },
    },
    {
      name: "hand-written: intent + lexical (the palette)",
      prepareMs: lexicalMs + intentMs,
      search: (q, limit) => {
        clearSearchCaches(prepared);
        return [...search(prepared, q, limit).hits];
      },
    },
  ];
  const libraries = withLibraries ? [miniSearch(parsed), flexSearch(parsed)] : [];
  const candidates = [...ours, ...libraries];

  // Latency per keystroke: every prefix of every intent query and of the realistic ones, as typed.
  const queries = realisticQueries(index);
  const typed = [
    ...new Set(
      [...INTENTS.map((i) => i.q), ...queries].flatMap((q) => [...q].map((_, i) => q.slice(0, i + 1))),
    ),
  ];
  console.log(
    `\nrelevance: ${INTENTS.length} plain-language intents (lib/search/__fixtures__/intents.json), precision@3 = share with a wanted method in the first 3 hits`,
  );
  const rounds = withLibraries ? 1 : 3;
  console.log(
    `latency:   ${typed.length} keystrokes (every prefix of those and ${queries.length} realistic queries), limit 50, × ${rounds}`,
  );
  for (const c of candidates) {
    const report = evaluateIntents(INTENTS, (q) => c.search(q, 50));
    const passed = report.outcomes.filter((o) => o.rank !== null && o.rank <= 3).length;
    for (const q of typed) c.search(q, 50); // warm-up (JIT)
    // Wall time, and CPU time (less sensitive to the other processes on a shared machine), per keystroke.
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < rounds; round++)
      for (const q of typed) {
        const c0 = process.cpuUsage();
        const t = performance.now();
        c.search(q, 50);
        wall.push(performance.now() - t);
        const used = process.cpuUsage(c0);
        cpu.push((used.user + used.system) / 1000);
      }
    wall.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    const figures = (xs: number[]) =>
      `median ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${xs.at(-1)!.toFixed(2)} ms`;
    console.log(`\n${c.name}`);
    console.log(
      `  precision@3:   ${((100 * passed) / INTENTS.length).toFixed(1)} % (${passed}/${INTENTS.length})`,
    );
    console.log(`  per keystroke: CPU ${figures(cpu)}; wall ${figures(wall)}`);
    console.log(`  prepare:       ${c.prepareMs.toFixed(0)} ms`);
    if (verbose)
      for (const o of report.outcomes)
        if (o.rank === null || o.rank > 3)
          console.log(`  missed ${JSON.stringify(o.q)} (rank ${o.rank ?? "-"}): ${o.top.join(" | ")}`);
  }
  console.log(`\nload average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  console.log("top hits (the palette's search):");
  for (const q of [...queries.slice(0, 40), ...INTENTS.map((i) => i.q)]) {
    const r = search(prepared, q, 50);
    console.log(`  ${JSON.stringify(q).padEnd(28)} → ${describe(r.hits[0])}  [${r.total} matches]`);
  }
}

void main();
