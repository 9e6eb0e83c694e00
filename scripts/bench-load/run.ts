/**
 * Load benchmark (`npm run bench:load`): autocannon on loopback against the directory, an API page, two method
 * pages and the search index (with and without gzip), at 10 and 50 connections, each case bounded in time.
 * Prints req/s, p50/p99/max latency, non-2xx, errors and the server's RSS before/after, judges the issue's goals
 * and writes .cache/bench-load/report.json. It never fails because a goal was missed (house rule: speed is
 * reported by benchmarks, not asserted by tests); it fails when the server cannot be started or a page is broken.
 */
import type { ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";

import autocannon, { type Result } from "autocannon";

import {
  buildApp,
  installSignalHandlers,
  isStopping,
  portInUse,
  runCleanup,
  spawnGroup,
  stopGroup,
  waitForUrl,
} from "../bench-ui/processes";
import { CONNECTIONS, judge, selectTargets, type CaseFigures, type LoadTarget } from "./cases";
import { parseOptions, USAGE } from "./options";
import { serverRssMb } from "./rss";
import { findSnapshotDir } from "../../testing/discovery-server/server";

const OUT_DIR = ".cache/bench-load";
// BENCH_LOAD_PORT: parallel runs (several engineers on one machine) each take their own port.
const PORT = Number(process.env.BENCH_LOAD_PORT) || 3310;
// NEXT_DIST_DIR=.next reuses the e2e build; the default keeps .next untouched (as bench:ui does).
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next-bench";

interface Server {
  readonly origin: string;
  /** The process group to read RSS from; null for --url. */
  readonly group: number | null;
  stop(): Promise<void>;
}

/**
 * What production runs (scripts/start.sh): `node <dist>/standalone/server.js`, with public/ and the static chunks
 * beside it as Next's docs ask, and the snapshot folder named explicitly (server.js changes into its own folder).
 */
function prepareStandalone(dist: string): string {
  const standalone = resolve(dist, "standalone");
  const server = join(standalone, "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: the build is not output: "standalone"`);
  for (const [from, to] of [
    ["public", join(standalone, "public")],
    [join(dist, "static"), join(standalone, dist, "static")],
  ] as const) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(from)) cpSync(from, to, { recursive: true });
  }
  return server;
}

async function startServer(): Promise<Server> {
  if (await portInUse(PORT)) throw new Error(`port ${PORT} is already in use: stop that server first`);
  const snapshotDir = findSnapshotDir();
  const child: ChildProcess = spawnGroup(
    "node",
    [prepareStandalone(DIST_DIR)],
    {
      ...process.env,
      PORT: String(PORT),
      HOSTNAME: "127.0.0.1",
      EXPLORER_DISCOVERY_SOURCE: "snapshot",
      ...(snapshotDir === null ? {} : { EXPLORER_SNAPSHOT_DIR: snapshotDir }),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    },
    join(OUT_DIR, "next.log"),
  );
  const origin = `http://127.0.0.1:${PORT}`;
  await waitForUrl(`${origin}/api/health`, child, 60_000);
  return { origin, group: child.pid ?? null, stop: () => stopGroup(child) };
}

/** One request per target before measuring: pages compile their data once, the search index is built once. */
async function warm(origin: string, targets: readonly LoadTarget[]): Promise<void> {
  for (const t of targets) {
    const res = await fetch(origin + t.path, {
      // As autocannon asks (no Accept-Encoding means no compression); fetch alone would ask for gzip.
      headers: { "accept-encoding": "identity", ...t.headers },
      signal: AbortSignal.timeout(180_000),
    });
    const text = await res.text(); // fetch undoes one gzip layer, as a browser does
    if (!res.ok)
      throw new Error(`${t.path} answered ${res.status} while warming: fix the app before benchmarking`);
    // Fast but wrong must not pass: the gzip case really is gzip, and the index is JSON once decoded.
    const encoding = res.headers.get("content-encoding");
    if ((t.headers["accept-encoding"] === "gzip") !== (encoding === "gzip"))
      throw new Error(`${t.name}: Content-Encoding is ${encoding ?? "absent"}`);
    if (t.path.startsWith("/api/"))
      try {
        JSON.parse(text);
      } catch {
        throw new Error(`${t.name}: the body is not JSON once decoded`);
      }
  }
}

/** One autocannon run; a watchdog stops it should it overrun its duration (it must stop by itself). */
async function runCase(
  origin: string,
  t: LoadTarget,
  connections: number,
  duration: number,
): Promise<Result> {
  const instance = autocannon({
    url: origin + t.path,
    connections,
    duration,
    timeout: 10,
    headers: { ...t.headers },
  });
  const watchdog = setTimeout(() => instance.stop(), (duration + 15) * 1000);
  try {
    return await instance;
  } finally {
    clearTimeout(watchdog);
  }
}

const rssOf = (server: Server) => (server.group === null ? null : serverRssMb(server.group));
const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const num = (n: number | null, digits = 0) => (n === null ? "n/a" : n.toFixed(digits));

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts.help) {
    console.log(USAGE);
    return;
  }
  const targets = selectTargets(opts.only);
  installSignalHandlers();
  mkdirSync(OUT_DIR, { recursive: true });
  const startedAt = new Date().toISOString();

  let server: Server;
  if (opts.url !== null) server = { origin: opts.url, group: null, stop: async () => undefined };
  else {
    await buildApp(DIST_DIR);
    server = await startServer();
  }
  const health = (await (await fetch(`${server.origin}/api/health`)).json()) as Record<string, unknown>;
  console.log(
    `[bench] ${server.origin}: source ${JSON.stringify(health.source)}, revision ${health.revision}`,
  );
  const rssStart = rssOf(server);
  await warm(server.origin, targets);
  const rssWarm = rssOf(server);

  const figures: CaseFigures[] = [];
  const rssAfterRepeat: (number | null)[] = [];
  const header = `${pad("case", 34)} ${pad("conn", 5)} ${pad("req/s", 8)} ${pad("p50", 6)} ${pad("p99", 6)} ${pad("max", 6)} ${pad("answered", 9)} non2xx errors  RSS MB before→after`;
  for (let repeat = 1; repeat <= opts.repeats; repeat++) {
    console.log(`\nrepeat ${repeat}/${opts.repeats}, ${opts.duration} s per case (latency in ms)\n${header}`);
    for (const t of targets)
      for (const connections of CONNECTIONS) {
        // Requests still in flight when the previous case stopped are still being served: let them drain first.
        await new Promise((r) => setTimeout(r, 2_000));
        const rssBeforeMb = rssOf(server);
        const r = await runCase(server.origin, t, connections, opts.duration);
        const f: CaseFigures = {
          target: t.name,
          kind: t.kind,
          connections,
          repeat,
          reqPerSec: r.requests.average,
          completed: r.requests.total,
          sent: r.requests.sent,
          p50Ms: r.requests.total === 0 ? null : r.latency.p50,
          p99Ms: r.requests.total === 0 ? null : r.latency.p99,
          maxMs: r.requests.total === 0 ? null : r.latency.max,
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          rssBeforeMb,
          rssAfterMb: rssOf(server),
        };
        figures.push(f);
        console.log(
          `${pad(t.name, 34)} ${pad(String(connections), 5)} ${pad(num(f.reqPerSec), 8)} ${pad(num(f.p50Ms), 6)} ${pad(num(f.p99Ms), 6)} ${pad(num(f.maxMs), 6)} ${pad(`${f.completed}/${f.sent}`, 9)} ${pad(String(f.non2xx), 6)} ${pad(String(f.errors + f.timeouts), 7)} ${num(rssBeforeMb)}→${num(f.rssAfterMb)}`,
        );
      }
    rssAfterRepeat.push(rssOf(server));
  }

  const verdicts = judge(figures, rssAfterRepeat);
  console.log(
    `\nserver RSS: start ${num(rssStart)} MB, warmed ${num(rssWarm)} MB, after each repeat ${rssAfterRepeat.map((r) => num(r)).join(" → ")} MB`,
  );
  if (opts.duration < 10 || opts.repeats < 3)
    console.log(
      "note: a short run (--quick or small --duration/--repeats): figures are a smoke test, not a result",
    );
  console.log("\nGoals (this machine):");
  for (const v of verdicts)
    console.log(`  ${v.met === null ? "n/a " : v.met ? "met " : "MISS"}  ${pad(v.goal, 62)} ${v.measured}`);

  const report = {
    startedAt,
    machine: { cpus: cpus().length, loadavg: loadavg() },
    options: opts,
    origin: server.origin,
    health,
    rss: { startMb: rssStart, warmedMb: rssWarm, afterRepeatMb: rssAfterRepeat },
    cases: figures,
    verdicts,
  };
  const reportPath = join(OUT_DIR, "report.json");
  writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${reportPath}`);
}

main()
  .catch((err: unknown) => {
    if (isStopping()) return;
    console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanup());
