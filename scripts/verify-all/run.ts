/**
 * The sweep: every method of every document in the installed snapshot, through every stage:
 *   sample → validate (validateRequest) → explorer (buildHttpRequest) → generate (4 targets)
 *   → python-parse (ast.parse) → python-run (real google-api-python-client, recording http; compared with the
 *     explorer's request by ./compare.ts)
 *   → ts-typecheck (tsc --strict, googleapis 188) → ts-run (real googleapis in one node process per batch,
 *     recording gaxios adapter, compared likewise).
 *
 *   npm run verify:all                        # everything (~28k methods)
 *   npm run verify:sample                     # one method per API (first GET, else first method); CI
 *   npx tsx scripts/verify-all/run.ts --apis youtube.v3,drive.v3 [--limit N] [--ts-run-every K]
 *       [--no-python] [--no-ts-check] [--no-ts-run] [--py-batch 400] [--ts-batch 1000] [--run-batch 2000]
 *
 * Writes .cache/verify-all/report.json; prints totals per stage, failures grouped by cause, timings and
 * generation throughput. Exits 1 when anything failed. Closing line: `verify-all: N passed, M failed`
 * (`verify-sample: …` with --sample), counted per method (a method passes when no stage failed).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { defaultSnapshotDir } from "@/lib/discovery/sources/snapshot";
import type { MethodModel } from "@/lib/discovery/model-types";

import { compareRequests, type CompareContext, type Comparison, type RecordedRequest } from "./compare";
import { authKind, type AuthKindId } from "@/lib/request/auth-kinds";
import {
  generateForApi,
  listSnapshotDocs,
  loadApi,
  newTiming,
  type MethodItem,
  type StageResult,
} from "./generate";

const ROOT = join(__dirname, "..", "..");
const OUT = join(ROOT, ".cache", "verify-all");
const PYTHON = join(ROOT, ".venv", "bin", "python");
const FAKE_TOKEN = "ya29.fake-token";

type StageName = keyof MethodItem["stages"];
const STAGES: readonly StageName[] = [
  "sample",
  "validate",
  "explorer",
  "generate",
  "pythonParse",
  "pythonRun",
  "tsTypecheck",
  "tsRun",
];

interface Args {
  sample: boolean;
  apis: Set<string> | null;
  limit: number;
  python: boolean;
  tsCheck: boolean;
  tsRun: boolean;
  tsRunEvery: number;
  tsCheckEvery: number;
  report: string | null;
  pyBatch: number;
  tsBatch: number;
  runBatch: number;
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    sample: false,
    apis: null,
    limit: Infinity,
    python: true,
    tsCheck: true,
    tsRun: true,
    tsRunEvery: 1,
    tsCheckEvery: 1,
    report: null,
    pyBatch: 400,
    tsBatch: 1000,
    runBatch: 2000,
  };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const next = (): string => argv[++i] ?? "";
    if (v === "--sample") a.sample = true;
    else if (v === "--apis") a.apis = new Set(next().split(",").filter(Boolean));
    else if (v === "--limit") a.limit = Number(next());
    else if (v === "--no-python") a.python = false;
    else if (v === "--no-ts-check") a.tsCheck = false;
    else if (v === "--no-ts-run") a.tsRun = false;
    else if (v === "--ts-run-every") a.tsRunEvery = Number(next());
    else if (v === "--ts-check-every") a.tsCheckEvery = Number(next());
    else if (v === "--report") a.report = next();
    else if (v === "--py-batch") a.pyBatch = Number(next());
    else if (v === "--ts-batch") a.tsBatch = Number(next());
    else if (v === "--run-batch") a.runBatch = Number(next());
    else throw new Error(`unknown argument ${v}`);
  }
  return a;
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function runProcess(
  cmd: string,
  args: readonly string[],
  label: string,
  cwd = ROOT,
): Promise<{ code: number; stderr: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", NODE_OPTIONS: "--max-old-space-size=8192" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      if (process.env.VERIFY_ALL_VERBOSE)
        process.stderr.write(`${label}: exit ${code} in ${Math.round(ms)} ms\n`);
      resolve({ code: code ?? 1, stderr, ms });
    });
  });
}

/** Short grouping key from an error text: the last line, quoted values elided. */
function causeOf(text: string): string {
  const lines = text
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "");
  const last = (lines.at(-1) ?? "").trim();
  return last
    .replace(/^(\w*Error: )[\w$.[\]'"-]+ is not a function$/, "$1… is not a function")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\d+/g, "N")
    .slice(0, 160);
}

function comparisonStage(c: Comparison): StageResult {
  if (c.differences.length === 0) return { status: "passed" };
  return {
    status: "failed",
    cause: `request differs: ${[...new Set(c.differences.map((d) => d.what))].sort().join(", ")}`,
    detail: c.differences.map((d) => `${d.what}: ${d.message}`).join("; "),
  };
}

interface PyResult {
  name: string;
  parse: string | null;
  exit: number | null;
  stdout: string;
  stderr: string;
  requests: { uri: string; method: string; headers: Record<string, string>; body: string | null }[];
  build: {
    serviceName: string;
    version: string;
    credentials: string | null;
    http: string | null;
    static_discovery: boolean | null;
  }[];
  flow: { kwargs: Record<string, unknown>; scopes: string[] }[];
}

interface TsRunResult {
  name: string;
  ok: boolean;
  error: string | null;
  requests: RecordedRequest[];
  flow: string[];
  ms: number;
}

const ruleCounts: Record<string, Record<string, number>> = { python: {}, node: {} };

function judgePython(item: MethodItem, r: PyResult): void {
  if (r.parse !== "ok") {
    item.stages.pythonParse = { status: "failed", cause: "ast.parse failed", detail: r.parse ?? "" };
    item.stages.pythonRun = { status: "skipped", cause: "does not parse" };
    return;
  }
  item.stages.pythonParse = { status: "passed" };
  const fail = (cause: string, detail: string): void => {
    item.stages.pythonRun = { status: "failed", cause, detail };
  };
  if (r.exit !== 0) return fail(`exit ${r.exit}: ${causeOf(r.stderr)}`, r.stderr.slice(-1500));
  if (r.stderr !== "") return fail("wrote to stderr", r.stderr.slice(-500));
  if (r.build.length !== 1) return fail(`build() called ${r.build.length} times`, JSON.stringify(r.build));
  const b = r.build[0]!;
  if (b.serviceName !== item.apiName || b.version !== item.apiVersion)
    return fail("build() got another API", `${b.serviceName} ${b.version}`);
  if (b.static_discovery !== (item.pythonStatic ? null : false))
    return fail("static_discovery mismatch", String(b.static_discovery));
  const auth = item.request.auth;
  if (auth.type === "oauth") {
    if (b.credentials !== "Credentials" || r.flow.length !== 1)
      return fail("no OAuth sign-in", JSON.stringify(r.flow));
    if (r.flow[0]!.kwargs.port !== 0)
      return fail("run_local_server not on port 0", JSON.stringify(r.flow[0]!.kwargs));
    const got = [...r.flow[0]!.scopes].sort().join(" ");
    const want = [...auth.scopes].sort().join(" ");
    if (got !== want) return fail("OAuth scopes differ", `${got} instead of ${want}`);
  } else if (b.credentials !== null || b.http !== "Http")
    return fail("no-auth build() args wrong", JSON.stringify(b));
  const api = r.requests.filter((q) => !q.uri.startsWith("https://upload.fake/"));
  if (api.length === 0) return fail("no request sent", r.stdout.slice(0, 200));
  const c = compareRequests(
    item.http!,
    { method: api[0]!.method, url: api[0]!.uri, headers: api[0]!.headers, body: api[0]!.body },
    {
      client: "python",
      auth: comparedAuth(auth.type),
      accessToken: FAKE_TOKEN,
      dataWrapper: item.dataWrapper,
    },
  );
  for (const rule of c.rulesApplied) ruleCounts.python![rule] = (ruleCounts.python![rule] ?? 0) + 1;
  item.stages.pythonRun = comparisonStage(c);
}

/** The comparator knows the credential on the wire: every access-token kind (oauth, adc, …) is a Bearer token. */
function comparedAuth(type: AuthKindId): CompareContext["auth"] {
  const credential = authKind(type).execute;
  return credential === "accessToken" ? "oauth" : credential;
}

function judgeTsRun(item: MethodItem, r: TsRunResult): void {
  const fail = (cause: string, detail: string): void => {
    item.stages.tsRun = { status: "failed", cause, detail };
  };
  if (r.error !== null) return fail(causeOf(r.error), r.error.slice(0, 1500));
  const auth = item.request.auth;
  if (auth.type === "oauth") {
    const token = r.flow.find((f) => f.startsWith("token:"));
    if (token === undefined) return fail("no OAuth token exchange", r.flow.join(" "));
    // The loopback flow as written: the code from the redirect, PKCE verifier, the loopback redirect_uri.
    const form = new URLSearchParams(token.slice("token:".length));
    if (
      form.get("code") !== "fake-code" ||
      !form.get("code_verifier") ||
      !/^http:\/\/127\.0\.0\.1:\d+/.test(form.get("redirect_uri") ?? "")
    )
      return fail("OAuth token exchange malformed", token.slice(0, 300));
  }
  if (!item.inGoogleapis && !r.flow.some((f) => f.startsWith("discovery:")))
    return fail("discoverAPI did not fetch the document", r.flow.join(" "));
  if (r.requests.length === 0) return fail("no request sent", "");
  const c = compareRequests(item.http!, r.requests[0]!, {
    client: "node",
    auth: comparedAuth(auth.type),
    accessToken: FAKE_TOKEN,
    dataWrapper: item.dataWrapper,
  });
  for (const rule of c.rulesApplied) ruleCounts.node![rule] = (ruleCounts.node![rule] ?? 0) + 1;
  item.stages.tsRun = comparisonStage(c);
}

function pickSampleMethod(methods: readonly MethodModel[]): MethodModel[] {
  const get = methods.find((m) => m.httpMethod === "GET");
  const m = get ?? methods[0];
  return m ? [m] : [];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const label = args.sample ? "verify-sample" : "verify-all";
  const t0 = performance.now();
  const dir = defaultSnapshotDir(ROOT);
  if (dir === null)
    throw new Error("No snapshot: run scripts/setup.sh (the venv's google-api-python-client).");
  // Per run (several may run at once); removed at the end unless VERIFY_ALL_KEEP is set.
  const work = join(OUT, `work-${args.sample ? "sample" : "all"}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });

  // ---- Generate (stages sample, validate, explorer, generate) ----
  const timing = newTiming();
  const items: MethodItem[] = [];
  const loadFailures: { doc: string; error: string }[] = [];
  let docs = listSnapshotDocs(dir);
  if (args.apis) docs = docs.filter((d) => args.apis!.has(d.key));
  const tGen = performance.now();
  for (const doc of docs) {
    if (items.length >= args.limit) break;
    const loaded = loadApi(doc);
    if ("error" in loaded) {
      loadFailures.push({ doc: doc.key, error: loaded.error });
      continue;
    }
    const sampled = pickSampleMethod(loaded.api.methods);
    const methods = args.sample ? sampled : loaded.api.methods.slice(0, args.limit - items.length);
    // The sample method of each API also sets every standard parameter, in both runs.
    const withStandard = new Set(sampled.map((m) => m.id));
    items.push(...generateForApi(doc, loaded.api, methods, timing, withStandard));
  }
  const genWallMs = performance.now() - tGen;
  process.stderr.write(
    `${label}: ${items.length} methods of ${docs.length} documents generated in ${Math.round(genWallMs)} ms\n`,
  );

  // ---- Write snippets and batches ----
  const pyItems: { name: string; snippet: string; doc: string; noResponse: boolean }[] = [];
  const tsFiles: string[] = [];
  const tsRunItems: { name: string; file: string; doc: string; discoveryUrl: string | null }[] = [];
  const tsDir = join(work, "ts");
  mkdirSync(tsDir, { recursive: true });
  writeFileSync(
    join(work, "credentials.json"),
    JSON.stringify({
      installed: {
        client_id: "test-client.apps.googleusercontent.com",
        client_secret: "test-secret",
        auth_uri: "https://accounts.google.com/o/oauth2/auth",
        token_uri: "https://oauth2.googleapis.com/token",
        redirect_uris: ["http://localhost"],
      },
    }),
  );
  const byName = new Map<string, MethodItem>();
  items.forEach((item, i) => {
    const name = `m${i}`;
    byName.set(name, item);
    if (item.stages.explorer.status !== "passed") {
      for (const s of ["pythonParse", "pythonRun", "tsTypecheck", "tsRun"] as const)
        item.stages[s] = { status: "skipped", cause: "no explorer request" };
      return;
    }
    if (args.python && item.python !== undefined)
      pyItems.push({ name, snippet: item.python, doc: item.docPath, noResponse: !item.hasResponse });
    else
      for (const s of ["pythonParse", "pythonRun"] as const)
        item.stages[s] = {
          status: "skipped",
          cause: item.python === undefined ? "not generated" : "disabled",
        };
    if (item.typescript !== undefined && (args.tsCheck || args.tsRun)) {
      const file = join(tsDir, `${name}.mts`);
      writeFileSync(file, item.typescript);
      if (args.tsCheck && i % args.tsCheckEvery === 0) tsFiles.push(file);
      if (args.tsRun && i % args.tsRunEvery === 0)
        tsRunItems.push({
          name,
          file,
          doc: item.docPath,
          discoveryUrl: item.inGoogleapis ? null : item.discoveryUrl,
        });
    }
    if (!args.tsCheck || i % args.tsCheckEvery !== 0)
      item.stages.tsTypecheck = {
        status: "skipped",
        cause: args.tsCheck ? `sampled (every ${args.tsCheckEvery}th)` : "disabled",
      };
    if (!args.tsRun || i % args.tsRunEvery !== 0)
      item.stages.tsRun = {
        status: "skipped",
        cause: args.tsRun ? `sampled (every ${args.tsRunEvery}th)` : "disabled",
      };
    delete item.python;
    delete item.typescript;
  });

  // ---- Run the three pipelines concurrently (separate processes) ----
  const timings: Record<string, number> = {};
  const harnessErrors: string[] = [];

  const pythonPipeline = async (): Promise<void> => {
    if (pyItems.length === 0) return;
    const t = performance.now();
    if (!existsSync(PYTHON)) throw new Error(`no venv python at ${PYTHON}`);
    for (const [bi, batch] of chunks(pyItems, args.pyBatch).entries()) {
      const input = join(work, `py-${bi}.json`);
      const output = join(work, `py-${bi}.out.json`);
      writeFileSync(input, JSON.stringify(batch));
      const res = await runProcess(
        PYTHON,
        [join(__dirname, "prove.py"), input, output],
        `python batch ${bi}`,
      );
      if (res.code !== 0 || !existsSync(output)) {
        harnessErrors.push(`python batch ${bi} exited ${res.code}: ${res.stderr.slice(-500)}`);
        for (const it of batch)
          byName.get(it.name)!.stages.pythonRun = {
            status: "failed",
            cause: "python harness crashed",
            detail: res.stderr.slice(-300),
          };
        continue;
      }
      for (const r of JSON.parse(readFileSync(output, "utf8")) as PyResult[])
        judgePython(byName.get(r.name)!, r);
      if (!process.env.VERIFY_ALL_KEEP) rmSync(input);
    }
    timings.pythonMs = performance.now() - t;
  };

  const tsCheckPipeline = async (): Promise<void> => {
    if (tsFiles.length === 0) return;
    const t = performance.now();
    const input = join(work, "tsc.json");
    const output = join(work, "tsc.out.json");
    writeFileSync(input, JSON.stringify(chunks(tsFiles, args.tsBatch)));
    const res = await runProcess(
      process.execPath,
      ["--import", "tsx", join(__dirname, "ts-check.ts"), input, output],
      "tsc",
    );
    if (res.code !== 0) harnessErrors.push(`ts-check exited ${res.code}: ${res.stderr.slice(-800)}`);
    if (!existsSync(output)) {
      for (const f of tsFiles)
        byName.get(f.slice(tsDir.length + 1, -4))!.stages.tsTypecheck = {
          status: "failed",
          cause: "tsc harness crashed",
        };
      return;
    }
    const out = JSON.parse(readFileSync(output, "utf8")) as {
      timings: { files: number; ms: number }[];
      diagnostics: Record<string, string[]>;
      done: number;
    };
    // Batches the checker finished (all of them unless it was stopped); the rest stay failed as crashed.
    const checked = tsFiles.slice(0, chunks(tsFiles, args.tsBatch).slice(0, out.done).flat().length);
    for (const f of tsFiles.slice(checked.length))
      byName.get(f.slice(tsDir.length + 1, -4))!.stages.tsTypecheck = {
        status: "failed",
        cause: "tsc harness crashed (batch not reached)",
      };
    for (const f of checked) {
      const item = byName.get(f.slice(tsDir.length + 1, -4))!;
      const diags = out.diagnostics[f];
      item.stages.tsTypecheck =
        diags === undefined
          ? { status: "passed" }
          : {
              status: "failed",
              cause: `tsc: ${[...new Set(diags.map((d) => /TS\d+/.exec(d)?.[0] ?? "?"))].sort().join(",")}`,
              detail: diags.join("\n").slice(0, 1500),
            };
    }
    if (out.diagnostics["(library)"] || out.diagnostics["(global)"])
      harnessErrors.push(
        `tsc library/global diagnostics: ${JSON.stringify([...(out.diagnostics["(library)"] ?? []), ...(out.diagnostics["(global)"] ?? [])].slice(0, 5))}`,
      );
    timings.tsCheckMs = performance.now() - t;
    timings.tsCheckBatches = out.timings.length;
    timings.tsCheckFirstBatchMs = out.timings[0]?.ms ?? 0;
  };

  const tsRunPipeline = async (): Promise<void> => {
    if (tsRunItems.length === 0) return;
    const t = performance.now();
    for (const [bi, batch] of chunks(tsRunItems, args.runBatch).entries()) {
      const input = join(work, `tsrun-${bi}.json`);
      const output = join(work, `tsrun-${bi}.out.json`);
      writeFileSync(input, JSON.stringify(batch));
      const res = await runProcess(
        process.execPath,
        ["--import", "tsx", join(__dirname, "ts-runner.mts"), input, output],
        `ts-run batch ${bi}`,
        work,
      );
      if (res.code !== 0 || !existsSync(output)) {
        harnessErrors.push(`ts-run batch ${bi} exited ${res.code}: ${res.stderr.slice(-500)}`);
        for (const it of batch)
          byName.get(it.name)!.stages.tsRun = {
            status: "failed",
            cause: "ts-run harness crashed",
            detail: res.stderr.slice(-300),
          };
        continue;
      }
      const out = JSON.parse(readFileSync(output, "utf8")) as { results: TsRunResult[] };
      for (const r of out.results) judgeTsRun(byName.get(r.name)!, r);
      if (!process.env.VERIFY_ALL_KEEP) rmSync(input);
    }
    timings.tsRunMs = performance.now() - t;
  };

  const runT0 = performance.now();
  // The TS runner's working directory is `work` (the snippets read ./credentials.json).
  await Promise.all([pythonPipeline(), tsCheckPipeline(), tsRunPipeline()]);
  const runWallMs = performance.now() - runT0;

  // ---- Report ----
  const perStage: Record<string, { passed: number; failed: number; skipped: number }> = {};
  const perApi: Record<string, Record<string, { passed: number; failed: number; skipped: number }>> = {};
  const causes = new Map<string, { stage: string; cause: string; count: number; examples: string[] }>();
  const failures: { method: string; doc: string; stage: string; cause: string; detail: string }[] = [];
  let methodsPassed = 0;
  for (const item of items) {
    let ok = true;
    const api = (perApi[item.docKey] ??= {});
    for (const s of STAGES) {
      const r = item.stages[s];
      (perStage[s] ??= { passed: 0, failed: 0, skipped: 0 })[r.status]++;
      (api[s] ??= { passed: 0, failed: 0, skipped: 0 })[r.status]++;
      if (r.status !== "failed") continue;
      ok = false;
      const key = `${s}|${r.cause ?? ""}`;
      const c = causes.get(key) ?? { stage: s, cause: r.cause ?? "", count: 0, examples: [] };
      c.count++;
      if (c.examples.length < 5) c.examples.push(`${item.methodId}: ${(r.detail ?? "").slice(0, 400)}`);
      causes.set(key, c);
      failures.push({
        method: item.methodId,
        doc: item.docKey,
        stage: s,
        cause: r.cause ?? "",
        detail: r.detail ?? "",
      });
    }
    if (ok) methodsPassed++;
  }
  const totalMs = performance.now() - t0;
  const report = {
    mode: label,
    snapshotDir: dir,
    documents: docs.length,
    loadFailures,
    methods: items.length,
    methodsPassed,
    methodsFailed: items.length - methodsPassed,
    perStage,
    causes: [...causes.values()].sort((a, b) => b.count - a.count),
    ruleCounts,
    timings: {
      totalMs: Math.round(totalMs),
      generateWallMs: Math.round(genWallMs),
      generateSnippetsMs: Math.round(timing.generateMs),
      snippetsGenerated: timing.snippets,
      snippetsPerSecond: Math.round(timing.snippets / (timing.generateMs / 1000)),
      perTargetMs: Object.fromEntries(Object.entries(timing.perTarget).map(([k, v]) => [k, Math.round(v)])),
      runWallMs: Math.round(runWallMs),
      pythonMs: Math.round(timings.pythonMs ?? 0),
      pythonSnippets: pyItems.length,
      tsCheckMs: Math.round(timings.tsCheckMs ?? 0),
      tsCheckSnippets: tsFiles.length,
      tsCheckFirstBatchMs: timings.tsCheckFirstBatchMs ?? 0,
      tsRunMs: Math.round(timings.tsRunMs ?? 0),
      tsRunSnippets: tsRunItems.length,
    },
    harnessErrors,
    perApi,
    failures,
  };
  mkdirSync(OUT, { recursive: true });
  // Filtered runs (--apis/--limit) do not overwrite the full report.
  const partial = args.apis !== null || args.limit !== Infinity;
  const defaultReport = args.sample ? "report-sample.json" : partial ? "report-partial.json" : "report.json";
  const reportPath = join(OUT, args.report ?? defaultReport);
  writeFileSync(reportPath, JSON.stringify(report, null, 2));

  // ---- Print ----
  const pad = (s: string | number, n: number): string => String(s).padStart(n);
  console.log(`\n${label}: ${items.length} methods, ${docs.length} documents (${dir})`);
  console.log(`${"stage".padEnd(14)}${pad("passed", 8)}${pad("failed", 8)}${pad("skipped", 9)}`);
  for (const s of STAGES) {
    const c = perStage[s] ?? { passed: 0, failed: 0, skipped: 0 };
    console.log(`${s.padEnd(14)}${pad(c.passed, 8)}${pad(c.failed, 8)}${pad(c.skipped, 9)}`);
  }
  const apisWithFailures = Object.entries(perApi).filter(([, st]) =>
    Object.values(st).some((c) => c.failed > 0),
  );
  console.log(`\nAPIs with failures: ${apisWithFailures.length} of ${Object.keys(perApi).length}`);
  for (const [api, st] of apisWithFailures.slice(0, 40)) {
    console.log(
      `  ${api}: ${Object.entries(st)
        .filter(([, c]) => c.failed > 0)
        .map(([s, c]) => `${s} ${c.failed}/${c.passed + c.failed + c.skipped}`)
        .join(", ")}`,
    );
  }
  if (apisWithFailures.length > 40) console.log(`  … ${apisWithFailures.length - 40} more (see the report)`);
  if (causes.size > 0) console.log("\nFailures by cause:");
  for (const c of report.causes) {
    console.log(`  ${pad(c.count, 6)}  ${c.stage}: ${c.cause}`);
    for (const e of c.examples.slice(0, 2))
      console.log(`          e.g. ${e.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  for (const e of harnessErrors) console.log(`harness: ${e.slice(0, 500)}`);
  for (const l of loadFailures) console.log(`load failed: ${l.doc}: ${l.error.slice(0, 200)}`);
  const t = report.timings;
  console.log(
    `\nDeviation rules applied: python ${JSON.stringify(ruleCounts.python)}; node ${JSON.stringify(ruleCounts.node)}`,
  );
  console.log(
    `Timings: total ${(t.totalMs / 1000).toFixed(1)} s; generate ${t.snippetsGenerated} snippets (4 targets) in ${(t.generateSnippetsMs / 1000).toFixed(1)} s = ${t.snippetsPerSecond} snippets/s ` +
      `(wall incl. loading docs ${(t.generateWallMs / 1000).toFixed(1)} s); run ${(t.runWallMs / 1000).toFixed(1)} s wall: python ${t.pythonSnippets} in ${(t.pythonMs / 1000).toFixed(1)} s, ` +
      `tsc ${t.tsCheckSnippets} in ${(t.tsCheckMs / 1000).toFixed(1)} s, ts-run ${t.tsRunSnippets} in ${(t.tsRunMs / 1000).toFixed(1)} s`,
  );
  console.log(`Report: ${reportPath}`);
  const failed = items.length - methodsPassed + loadFailures.length + harnessErrors.length;
  console.log(`${label}: ${methodsPassed} passed, ${failed} failed`);
  if (!process.env.VERIFY_ALL_KEEP) rmSync(work, { recursive: true, force: true });
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
