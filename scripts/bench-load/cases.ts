/** What the load benchmark requests, and the goals its figures are judged against (pure). */

export interface LoadTarget {
  readonly name: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly kind: "directory" | "api" | "method" | "search-gzip" | "search-plain";
}

export const TARGETS: readonly LoadTarget[] = [
  { name: "directory /", path: "/", headers: {}, kind: "directory" },
  { name: "API page /youtube/v3", path: "/youtube/v3", headers: {}, kind: "api" },
  {
    name: "method youtube.channels.list",
    path: "/youtube/v3/youtube.channels.list",
    headers: {},
    kind: "method",
  },
  {
    name: "method compute.instances.insert",
    path: "/compute/v1/compute.instances.insert",
    headers: {},
    kind: "method",
  },
  {
    name: "search index gzip",
    path: "/api/search-index",
    headers: { "accept-encoding": "gzip" },
    kind: "search-gzip",
  },
  // Explicit: fetch (the warm-up) would otherwise ask for gzip by itself.
  {
    name: "search index plain",
    path: "/api/search-index",
    headers: { "accept-encoding": "identity" },
    kind: "search-plain",
  },
];

export const CONNECTIONS = [10, 50] as const;

export function selectTargets(only: readonly string[]): LoadTarget[] {
  if (only.length === 0) return [...TARGETS];
  const picked = TARGETS.filter((t) => only.some((o) => t.name.includes(o)));
  if (picked.length === 0)
    throw new Error(`--only matched no case; cases: ${TARGETS.map((t) => t.name).join(", ")}`);
  return picked;
}

export interface CaseFigures {
  readonly target: LoadTarget["name"];
  readonly kind: LoadTarget["kind"];
  readonly connections: number;
  readonly repeat: number;
  readonly reqPerSec: number;
  /** Requests answered, and sent (an unanswered one was still in flight when the case's time ran out). */
  readonly completed: number;
  readonly sent: number;
  /** null when no request was answered: there is no latency to report. */
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly rssBeforeMb: number | null;
  readonly rssAfterMb: number | null;
}

export interface Verdict {
  readonly goal: string;
  readonly measured: string;
  /** null when the run had nothing to judge it by (a case left out, no RSS). */
  readonly met: boolean | null;
}

const worst = (xs: readonly CaseFigures[], f: (c: CaseFigures) => number, pick: "min" | "max") =>
  xs.length === 0 ? null : (pick === "min" ? Math.min : Math.max)(...xs.map(f));

const fmt = (n: number | null, unit = "") =>
  n === null ? "n/a" : Number.isFinite(n) ? `${Math.round(n)}${unit}` : `none answered`;

/**
 * The goals. Throughput goals use the worst repeat at 50 connections; RSS "flat" means the server's RSS
 * after the last repeat is within 10 % of its RSS after the first (warm-up growth happens in the first).
 */
export function judge(
  figures: readonly CaseFigures[],
  rssAfterRepeatMb: readonly (number | null)[],
): Verdict[] {
  const at50 = (kind: LoadTarget["kind"]) => figures.filter((f) => f.kind === kind && f.connections === 50);
  const method = at50("method");
  const methodRps = worst(method, (f) => f.reqPerSec, "min");
  // A case in which nothing was answered has no p99: it counts as infinitely slow, never as 0 ms.
  const methodP99 = worst(method, (f) => f.p99Ms ?? Infinity, "max");
  const dirRps = worst(at50("directory"), (f) => f.reqPerSec, "min");
  const searchRps = worst(at50("search-gzip"), (f) => f.reqPerSec, "min");
  const failures = figures.reduce((n, f) => n + f.errors + f.timeouts + f.non2xx, 0);
  const rss = rssAfterRepeatMb.filter((r): r is number => r !== null);
  const rssMax = rss.length === 0 ? null : Math.max(...rss, ...figures.flatMap((f) => f.rssAfterMb ?? []));
  const first = rss[0];
  const last = rss[rss.length - 1];
  const growth = first === undefined || last === undefined || rss.length < 2 ? null : (last - first) / first;
  return [
    {
      goal: "method pages ≥ 2,000 req/s at 50 connections",
      measured: fmt(methodRps, " req/s"),
      met: methodRps === null ? null : methodRps >= 2000,
    },
    {
      goal: "method pages p99 < 50 ms at 50 connections",
      measured: fmt(methodP99, " ms"),
      met: methodP99 === null ? null : methodP99 < 50,
    },
    {
      goal: "directory ≥ 500 req/s",
      measured: fmt(dirRps, " req/s"),
      met: dirRps === null ? null : dirRps >= 500,
    },
    {
      goal: "search index (gzip) ≥ 500 req/s",
      measured: fmt(searchRps, " req/s"),
      met: searchRps === null ? null : searchRps >= 500,
    },
    { goal: "0 errors, timeouts and non-2xx", measured: String(failures), met: failures === 0 },
    {
      goal: "server RSS ≤ 400 MB",
      measured: fmt(rssMax, " MB"),
      met: rssMax === null ? null : rssMax <= 400,
    },
    {
      goal: "server RSS flat across repeats (≤ 10 % growth first → last)",
      measured:
        growth === null
          ? "n/a"
          : `${(growth * 100).toFixed(1)} % (${rss.map((r) => Math.round(r)).join(" → ")} MB)`,
      met: growth === null ? null : growth <= 0.1,
    },
  ];
}
