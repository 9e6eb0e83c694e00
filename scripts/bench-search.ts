/**
 * Search benchmark over the installed snapshot: `npx tsx scripts/bench-search.ts [--concurrency N]`.
 * Builds the index from every document (the same code path as the server), then prints the build time, the index
 * size raw and gzipped (what the route sends), the time to parse + prepare it in a client, and query latency
 * (median / p95 / max over ~200 realistic queries, each run a few times). Prints figures only: no assertions.
 */
import { cpus, loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { createDiscoveryLoader } from "../lib/discovery/load";
import { createSnapshotSource, defaultSnapshotDir } from "../lib/discovery/sources/snapshot";
import { buildSearchIndexFrom } from "../lib/search/load";
import { clearSearchCache, prepareSearchIndex, searchIndex, type SearchHit } from "../lib/search/query";
import type { SearchIndex } from "../lib/search/types";

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
  const prepared = prepareSearchIndex(parsed);
  const prepareMs = performance.now() - t0;
  console.log(`client parse:    ${parseMs.toFixed(1)} ms JSON.parse, ${prepareMs.toFixed(1)} ms prepare`);

  const queries = realisticQueries(index);
  for (const q of queries) searchIndex(prepared, q, 50); // warm-up (JIT)
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let round = 0; round < 5; round++)
    for (const q of queries) {
      clearSearchCache(prepared); // the real cost of each query, not the results cache
      const t = performance.now();
      searchIndex(prepared, q, 50);
      times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  console.log(
    `query (limit 50): median ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms over ${queries.length} queries × 5`,
  );
  const cpu = process.cpuUsage(cpu0);
  // CPU time is less sensitive than wall time to other processes competing for the cores.
  console.log(
    `query CPU time:  mean ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(2)} ms per query; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  console.log("top hits:");
  for (const q of queries.slice(0, 40)) {
    const r = searchIndex(prepared, q, 50);
    console.log(`  ${JSON.stringify(q).padEnd(28)} → ${describe(r.hits[0])}  [${r.total} matches]`);
  }
}

void main();
