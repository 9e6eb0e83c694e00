/**
 * The verbatim end-to-end proof (CI): for every canonical request (./cases.ts) × {python, typescript}, the
 * PRODUCT generates the snippet (`prepareSnippetInput` + `generateSnippet`), the snippet is written byte-for-byte
 * into a run dir with a Desktop-app credentials.json, and run with the real client libraries against the fake
 * Google (testing/fake-google): real loopback OAuth (fake browser → consent → the snippet's own loopback server →
 * token exchange), API calls that must carry the issued token or the API key (no permissive fallback), and the
 * recorded wire requests compared semantically (./compare.ts) with the explorer's request (`SnippetInput.http`).
 * TypeScript snippets are also type-checked with tsc --strict (one program). See README.md.
 *
 * Env: SNIPPETS_E2E_ONLY=<regex on case name> runs a subset; SNIPPETS_E2E_LANES=<n> (default 2) sets concurrency.
 */
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshotDir } from "@/lib/codegen/__fixtures__/load";
import { generateSnippet } from "@/lib/codegen/registry";
import { buildHttpRequest } from "@/lib/request/build";
import { PROJECT_ROOT } from "@/testing/fake-google/ca";
import {
  clientSecretsJson,
  pruneSnippetRuns,
  PYTHON,
  runSnippet,
  typecheckTsMany,
  type RunSnippetResult,
  type TypecheckManyResult,
} from "@/testing/fake-google/run-snippet";
import {
  googleError,
  mediaResponse,
  pagedResponse,
  requestThroughFake,
  startFakeGoogle,
  type ConsentGrant,
  type FakeGoogle,
  type IssuedToken,
  type Problem,
  type RecordedRequest,
} from "@/testing/fake-google/server";
import { newServiceAccountKey } from "@/testing/fake-google/server-credentials";

import { DOWNLOAD_BYTES, loadAllCases, MEDIA_BYTES, type E2eCase } from "./cases";
import { compareWithExplorer, type RuleId, type WireRequest } from "./compare";
import { checkServerCredentials, prepareServerCredentials, type ServerSetup } from "./server-credentials";

type Lang = "python" | "typescript";
const LANGS: readonly Lang[] = ["python", "typescript"];
const LANES = Math.max(1, Number(process.env.SNIPPETS_E2E_LANES ?? 2) || 2);
const ONLY = process.env.SNIPPETS_E2E_ONLY ? new RegExp(process.env.SNIPPETS_E2E_ONLY) : null;
const RUN_TIMEOUT: Record<Lang, number> = { python: 30_000, typescript: 45_000 };
/** Per test: waiting for the queue + up to two runs; the runs themselves are SIGKILLed at RUN_TIMEOUT. */
const TEST_TIMEOUT = 240_000;

/**
 * Product bugs this suite found (case|language → what is wrong). Their tests are `it.fails`: they pass while the
 * bug is there and FAIL once the product is fixed, so the entry must then be removed (CI stays green meanwhile).
 */
const KNOWN_PRODUCT_BUGS: Readonly<Record<string, string>> = {
  // Empty: list a `<case>|<language>` here (with the reason) only while a found product bug awaits its fix.
};

const haveVenv = existsSync(PYTHON);
const allCases = haveVenv ? loadAllCases() : [];
const cases = allCases.filter((c) => ONLY === null || ONLY.test(c.name));

// ---------------------------------------------------------------------------------------------------------------
// Lanes: each has its own fake Google, and runs one snippet at a time. Records of concurrent runs on ONE fake
// could not be told apart (an API-key or no-auth request carries nothing that names its run), so concurrency
// comes from lanes, not from sharing a fake.

interface Lane {
  readonly id: number;
  readonly fake: FakeGoogle;
}

interface RunCapture {
  readonly result: RunSnippetResult;
  readonly records: RecordedRequest[];
  readonly problems: Problem[];
  readonly issuedTokens: IssuedToken[];
  readonly grants: ConsentGrant[];
  /** Bytes of snippet.py / snippet.ts as found in the run dir (proves "verbatim"). */
  readonly writtenCode: Buffer | null;
  readonly tokenJson: string | null;
  readonly downloaded: Buffer | null;
}

interface JobResult {
  readonly code: string;
  readonly lane: number;
  readonly runs: RunCapture[];
  readonly apiKey: string;
  /** Server-side kinds: the credentials the run got. */
  readonly server: ServerSetup | null;
  readonly error?: string;
}

function setUpHandlers(fake: FakeGoogle): void {
  for (const c of allCases) {
    const s = c.serve;
    if (s.kind === "pages") {
      fake.addApiHandler({
        name: `${c.name} pages`,
        method: "GET",
        path: s.path,
        handle: pagedResponse({ pages: 3 }),
      });
    } else if (s.kind === "media") {
      fake.addApiHandler({
        name: `${c.name} media`,
        method: "GET",
        path: new RegExp(s.pathPattern),
        handle: (req) =>
          req.query.some(([k, v]) => k === "alt" && v === "media")
            ? mediaResponse(DOWNLOAD_BYTES, "application/pdf")()
            : googleError(400, "INVALID_ARGUMENT", "badRequest", "this fake serves only alt=media here"),
      });
    } else if (s.kind === "anonymous") {
      fake.addApiHandler({
        name: `${c.name} public`,
        host: s.host,
        method: "GET",
        path: new RegExp(s.pathPattern),
        anonymous: true,
        handle: (req) => ({ json: { kind: "fake#public", fakeAuth: req.auth } }),
      });
    }
  }
}

/**
 * Adapter: the fake serves Discovery documents from ONE folder (default: the venv snapshot). The zoo test API
 * is added next to the snapshot's documents in a scratch folder of symlinks, as `zoo.v1.json`.
 */
function discoveryDirWithZoo(): string {
  const snap = snapshotDir();
  if (snap === null) throw new Error("no venv snapshot");
  const dir = path.join(os.tmpdir(), `snippets-e2e-discovery-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(snap)) symlinkSync(path.join(snap, f), path.join(dir, f));
  copyFileSync(
    path.join(PROJECT_ROOT, "lib", "discovery", "__fixtures__", "zoo.json"),
    path.join(dir, "zoo.v1.json"),
  );
  return dir;
}
let discoveryDir: string | undefined;

class Pool {
  private readonly queue: { job: (lane: Lane) => Promise<void> }[] = [];
  private readonly idle: Lane[];
  constructor(lanes: Lane[]) {
    this.idle = [...lanes];
  }
  run<T>(job: (lane: Lane) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job: (lane) => job(lane).then(resolve, reject) });
      this.pump();
    });
  }
  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const lane = this.idle.shift() as Lane;
      const { job } = this.queue.shift() as { job: (lane: Lane) => Promise<void> };
      void job(lane).finally(() => {
        this.idle.push(lane);
        this.pump();
      });
    }
  }
}

async function readMaybe(file: string): Promise<Buffer | null> {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

async function runOnce(
  lane: Lane,
  c: E2eCase,
  lang: Lang,
  code: string,
  files: Record<string, string | Buffer>,
  env: Record<string, string>,
  tamper?: (finalUrl: string) => string,
): Promise<RunCapture> {
  const { fake } = lane;
  fake.clearRecords();
  const result = await runSnippet({
    language: lang,
    code,
    files,
    fake,
    env,
    timeoutMs: RUN_TIMEOUT[lang],
    keepRunDir: true,
    ...(isHeadless(c) ? { pasteFinalUrl: { tamper } } : {}),
  });
  // give a straggling request (none expected) no chance to leak into the next run's records
  const capture: RunCapture = {
    result,
    records: [...fake.records],
    problems: [...fake.problems],
    issuedTokens: [...fake.issuedTokens],
    grants: [...fake.grants],
    writtenCode: await readMaybe(path.join(result.runDir, lang === "python" ? "snippet.py" : "snippet.ts")),
    tokenJson: (await readMaybe(path.join(result.runDir, "token.json")))?.toString("utf8") ?? null,
    downloaded: c.options.downloadTo ? await readMaybe(path.join(result.runDir, c.options.downloadTo)) : null,
  };
  if (result.exitCode === 0 && !result.timedOut && capture.problems.length === 0)
    await rm(result.runDir, { recursive: true, force: true });
  return capture;
}

async function runCase(lane: Lane, c: E2eCase, lang: Lang): Promise<JobResult> {
  const code = generateSnippet(lang, c.input, c.options);
  const files: Record<string, string | Buffer> = {};
  if (c.input.auth.type === "oauth") files["credentials.json"] = clientSecretsJson();
  if (c.input.media) files[c.input.media.fileName] = MEDIA_BYTES;
  const env: Record<string, string> =
    c.input.auth.type === "apiKey" ? { GOOGLE_API_KEY: lane.fake.apiKey } : {};
  const server = prepareServerCredentials(c, lane.fake);
  if (server) {
    Object.assign(files, server.files);
    Object.assign(env, server.env);
  }
  const runs = [await runOnce(lane, c, lang, code, files, env)];
  const first = runs[0] as RunCapture;
  if (c.options.tokenCache === true && first.result.exitCode === 0 && first.tokenJson !== null) {
    // Second run in the same lane (the fake still honours the issued token): the run dir gets the token.json the
    // first run wrote, byte for byte, next to credentials.json.
    runs.push(await runOnce(lane, c, lang, code, { ...files, "token.json": first.tokenJson }, env));
  }
  return { code, lane: lane.id, runs, apiKey: lane.fake.apiKey, server };
}

// ---------------------------------------------------------------------------------------------------------------
// Assertions

function explain(c: E2eCase, lang: Lang, run: RunCapture): string {
  const r = run.result;
  return [
    `${c.name} [${lang}] exit=${r.exitCode} signal=${r.signal} timedOut=${r.timedOut} ${r.durationMs}ms runDir=${r.runDir}`,
    `--- stdout\n${r.stdout.slice(-1500)}`,
    `--- stderr\n${r.stderr.slice(-3000)}`,
    `--- browser\n${r.browserLog
      .map((e) => JSON.stringify(e))
      .join("\n")
      .slice(-1500)}`,
    `--- problems\n${JSON.stringify(run.problems, null, 1)}`,
    `--- records\n${run.records.map((x) => `${x.seq} ${x.kind} ${x.status} ${x.method} ${x.url}`).join("\n")}`,
  ].join("\n");
}

const isHeadless = (c: E2eCase): boolean => c.input.auth.type === "oauth" && c.input.auth.flow === "headless";

/**
 * The headless flow really happened, in order: the snippet printed the consent URL, the fake browser consented
 * and did NOT call the loopback URL (nothing listens there) but handed the final URL over, which was pasted into
 * the snippet's stdin; the code was exchanged with the PKCE verifier. Returns the access token.
 */
function checkHeadlessFlow(c: E2eCase, lang: Lang, run: RunCapture): string {
  const why = explain(c, lang, run);
  const consent = run.records.filter((r) => r.kind === "consent");
  const token = run.records.filter((r) => r.kind === "token");
  expect(
    consent.map((r) => r.status),
    why,
  ).toEqual([302]);
  expect(
    token.map((r) => r.status),
    why,
  ).toEqual([200]);
  expect(run.grants.length, why).toBe(1);
  expect(run.issuedTokens.length, why).toBe(1);
  const grant = run.grants[0] as ConsentGrant;
  const issued = run.issuedTokens[0] as IssuedToken;
  // only the handoff browser ran (the snippet opened none), and it never called the loopback URL
  expect(
    run.result.browserLog.map((e) => e.event),
    why,
  ).toEqual(["start", "check", "consent", "handoff", "exit"]);
  const handoff = run.result.browserLog.find((e) => e.event === "handoff") as unknown as { url: string };
  const pasted = new URL(handoff.url);
  expect(pasted.origin + pasted.pathname, why).toBe("http://localhost:8080/");
  expect(grant.redirectUri, why).toBe("http://localhost:8080/");
  expect(pasted.searchParams.get("code"), why).toBe(grant.code);
  expect(run.result.stdout, why).toContain("Open this URL in a browser on any device and sign in:");
  // the pasted code, exchanged once, for the same redirect_uri, with the S256 verifier (both languages)
  expect(issued.grantType).toBe("authorization_code");
  expect(issued.code).toBe(grant.code);
  expect(issued.redirectUri).toBe(grant.redirectUri);
  expect(issued.pkce, why).toBe("S256");
  expect(grant.used).toBe(true);
  const [consentRec, tokenRec] = [consent[0] as RecordedRequest, token[0] as RecordedRequest];
  const api = run.records.filter((r) => r.kind === "api");
  expect(api.length, why).toBeGreaterThan(0);
  expect(consentRec.seq).toBeLessThan(tokenRec.seq);
  for (const a of api) {
    expect(a.seq).toBeGreaterThan(tokenRec.seq);
    expect(a.headers.authorization, why).toBe(`Bearer ${issued.accessToken}`);
    expect(a.authorized, why).toBe(true);
  }
  return issued.accessToken;
}

/** The loopback flow really happened, in order; returns the access token the API calls must carry. */
function checkLoopbackFlow(c: E2eCase, lang: Lang, run: RunCapture): string {
  const why = explain(c, lang, run);
  const consent = run.records.filter((r) => r.kind === "consent");
  const token = run.records.filter((r) => r.kind === "token");
  expect(consent.length, why).toBe(1);
  expect(token.length, why).toBe(1);
  const [consentRec, tokenRec] = [consent[0] as RecordedRequest, token[0] as RecordedRequest];
  expect(consentRec.status, why).toBe(302);
  expect(tokenRec.status, why).toBe(200);
  expect(run.grants.length, why).toBe(1);
  expect(run.issuedTokens.length, why).toBe(1);
  const grant = run.grants[0] as ConsentGrant;
  const issued = run.issuedTokens[0] as IssuedToken;

  // the fake browser: got the URL from the snippet, consent 302, then the snippet's OWN loopback server answered
  const events = run.result.browserLog.map((e) => e.event);
  expect(events, why).toEqual(["start", "check", "consent", "callback", "exit"]);
  const callback = run.result.browserLog.find((e) => e.event === "callback") as unknown as {
    url: string;
    status: number;
    /** When the fake browser sent the callback (its log time `t` comes after the answer, which may be later). */
    sentAt: number;
  };
  expect(callback.status, why).toBe(200);
  // the page came from the snippet's own loopback server (google-auth-oauthlib's / the TS snippet's message)
  expect((callback as unknown as { body: string }).body, why).toContain(
    lang === "python" ? "The authentication flow has completed" : "Signed in.",
  );
  const cb = new URL(callback.url);
  expect(cb.origin + cb.pathname, why).toBe(
    new URL(grant.redirectUri).origin + new URL(grant.redirectUri).pathname,
  );
  expect(cb.hostname === "127.0.0.1" || cb.hostname === "localhost", why).toBe(true);
  expect(cb.searchParams.get("code"), why).toBe(grant.code);
  // grant's code exchanged exactly once, for this redirect_uri, with the right client
  expect(issued.grantType).toBe("authorization_code");
  expect(issued.code).toBe(grant.code);
  expect(issued.redirectUri).toBe(grant.redirectUri);
  expect(grant.used).toBe(true);
  if (lang === "typescript") expect(issued.pkce, why).toBe("S256"); // the TS snippet writes PKCE out itself

  // order: consent → loopback callback → token exchange → API call(s)
  const api = run.records.filter((r) => r.kind === "api");
  expect(api.length, why).toBeGreaterThan(0);
  expect(consentRec.seq).toBeLessThan(tokenRec.seq);
  expect(consentRec.time).toBeLessThanOrEqual(callback.sentAt);
  expect(callback.sentAt).toBeLessThanOrEqual(tokenRec.time);
  for (const a of api) {
    expect(a.seq).toBeGreaterThan(tokenRec.seq);
    expect(a.headers.authorization, why).toBe(`Bearer ${issued.accessToken}`);
    expect(a.authorized, why).toBe(true);
    expect(a.auth).toBe("bearer");
  }
  return issued.accessToken;
}

/**
 * Adapter: the fake records `body` as a UTF-8 STRING when the content-type is text/* or absent (server.ts
 * `isTextContentType`), which is lossy for binary bytes (invalid UTF-8 → U+FFFD). For uploads the raw bytes are
 * kept in `upload.parts`, so the media body of a `media` upload or a resumable PUT is taken from there.
 */
function toWire(rec: RecordedRequest): WireRequest {
  const up = rec.upload;
  const raw = up && (up.phase === "data" || up.uploadType === "media") ? up.parts[0]?.body : undefined;
  return raw === undefined ? rec : { ...rec, body: raw };
}

/** Splits the API records into logical calls (Python uploads: [resumable start, PUT of the bytes]). */
function logicalCalls(c: E2eCase, lang: Lang, api: RecordedRequest[]): RecordedRequest[][] {
  const pythonUpload = lang === "python" && c.input.method.supportsMediaUpload && c.input.media !== null;
  if (!pythonUpload) return api.map((r) => [r]);
  const out: RecordedRequest[][] = [];
  for (const r of api) {
    if (r.query.some(([k]) => k === "upload_id") && out.length > 0)
      (out[out.length - 1] as RecordedRequest[]).push(r);
    else out.push([r]);
  }
  return out;
}

interface Row {
  name: string;
  lang: Lang;
  ok: boolean;
  ms: number;
  calls: number;
  rules: RuleId[];
  note: string;
}
const rows: Row[] = [];
const jobs = new Map<string, Promise<JobResult>>();
let lanes: Lane[] = [];
let typecheck: Promise<TypecheckManyResult> | undefined;
const t0 = performance.now();

const tsFileName = (c: E2eCase) => `${c.name.replace(/[^\w.-]/g, "_")}.ts`;

beforeAll(async () => {
  if (!haveVenv) return;
  // tsc parses googleapis' .d.ts for ~15–35 s: start it first, in parallel with the runs.
  await pruneSnippetRuns(); // run dirs of failed runs are kept for debugging; drop those older than a day
  discoveryDir = discoveryDirWithZoo();
  typecheck = typecheckTsMany(
    Object.fromEntries(cases.map((c) => [tsFileName(c), generateSnippet("typescript", c.input, c.options)])),
    { timeoutMs: 240_000 },
  );
  lanes = await Promise.all(
    Array.from({ length: LANES }, async (_, id) => {
      const fake = await startFakeGoogle({ discoveryDir, metadataServer: true });
      setUpHandlers(fake);
      return { id, fake };
    }),
  );
  const pool = new Pool(lanes);
  // Queue in test order so each test waits for little more than its own runs.
  for (const c of cases)
    for (const lang of LANGS)
      jobs.set(
        `${c.name}|${lang}`,
        pool.run((lane) => runCase(lane, c, lang)),
      );
  for (const p of jobs.values()) p.catch(() => {}); // surfaced by the tests
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([...jobs.values()]);
  await Promise.all(lanes.map((l) => l.fake.stop()));
  if (discoveryDir) rmSync(discoveryDir, { recursive: true, force: true });
  const total = Math.round(performance.now() - t0);
  const w = Math.max(10, ...rows.map((r) => r.name.length));
  const lines = [
    `${"request".padEnd(w)}  ${"lang".padEnd(10)}  result  ${"ms".padStart(6)}  calls  rules applied`,
    ...rows.map(
      (r) =>
        `${r.name.padEnd(w)}  ${r.lang.padEnd(10)}  ${(r.ok ? "pass" : r.note.startsWith("KNOWN") ? "xfail" : "FAIL").padEnd(6)}  ${String(r.ms).padStart(6)}  ${String(r.calls).padStart(5)}  ${r.rules.join(", ")}${r.note ? `  (${r.note})` : ""}`,
    ),
  ];
  const passed = rows.filter((r) => r.ok).length;
  const apis = new Set(cases.filter((c) => !c.synthetic).map((c) => c.input.api.name));
  const zoo = cases.filter((c) => c.synthetic).length;
  lines.push(
    `${passed}/${rows.length} passed; ${cases.length - zoo} requests across ${apis.size} real APIs (${[...apis].join(", ")}) + ${zoo} zoo; ` +
      `${rows.reduce((n, r) => n + r.calls, 0)} API calls compared; ${LANES} lanes; wall ${total} ms`,
  );
  console.log(`\n[snippets-e2e verbatim]\n${lines.join("\n")}`);
}, 120_000);

describe.skipIf(!haveVenv)(
  "generated snippets run VERBATIM against the fake Google and send the explorer's request",
  () => {
    it("covers ≥ 20 requests across ≥ 6 real APIs (zoo not counted)", () => {
      const real = allCases.filter((c) => !c.synthetic);
      expect(real.length).toBeGreaterThanOrEqual(20);
      expect(new Set(real.map((c) => c.input.api.name)).size).toBeGreaterThanOrEqual(6);
    });

    for (const c of cases) {
      for (const lang of LANGS) {
        const knownBug = KNOWN_PRODUCT_BUGS[`${c.name}|${lang}`];
        (knownBug === undefined ? it : it.fails)(
          `${c.name} [${lang}]${knownBug === undefined ? "" : " — KNOWN PRODUCT BUG (expected to fail)"}`,
          async () => {
            const row: Row = {
              name: c.name,
              lang,
              ok: false,
              ms: 0,
              calls: 0,
              rules: [],
              note: knownBug === undefined ? "" : `KNOWN PRODUCT BUG: ${knownBug}`,
            };
            rows.push(row);
            const job = await (jobs.get(`${c.name}|${lang}`) as Promise<JobResult>);
            const first = job.runs[0] as RunCapture;
            row.ms = job.runs.reduce((n, r) => n + r.result.durationMs, 0);
            const why = explain(c, lang, first);

            // verbatim: the bytes in the run dir are the generated snippet
            expect(first.writtenCode?.equals(Buffer.from(job.code, "utf8")), why).toBe(true);
            expect(first.result.timedOut, why).toBe(false);
            expect(first.result.exitCode, why).toBe(0);
            expect(first.problems, why).toEqual([]);

            // credentials
            let accessToken: string | undefined;
            const auth = c.input.auth.type;
            if (auth === "oauth")
              accessToken = isHeadless(c)
                ? checkHeadlessFlow(c, lang, first)
                : checkLoopbackFlow(c, lang, first);
            else if (job.server) accessToken = checkServerCredentials(c, first, job.server, why);
            else {
              expect(
                first.records.filter((r) => r.kind === "consent" || r.kind === "token"),
                why,
              ).toEqual([]);
              expect(first.result.browserLog, why).toEqual([]);
            }
            const api = first.records.filter((r) => r.kind === "api");
            for (const a of api) {
              if (auth === "apiKey") {
                expect(a.auth, why).toBe("api-key");
                expect(a.authorized, why).toBe(true);
              }
              if (auth === "none") {
                expect(a.auth, why).toBe("none");
                expect(a.headers.authorization).toBeUndefined();
                expect(a.query.some(([k]) => k === "key")).toBe(false);
              }
            }
            // only the API's own Discovery document may be fetched: TS discoverAPI for APIs googleapis lacks,
            // Python static_discovery=False for documents the package does not ship
            const discovery = first.records.filter((r) => r.kind === "discovery");
            const fetchesDoc = lang === "typescript" ? !c.input.api.inGoogleapis : !c.input.api.pythonStatic;
            if (fetchesDoc) {
              expect(discovery.length, why).toBe(1);
              expect(discovery[0]?.status, why).toBe(200);
              const api = c.input.api;
              // (Python adds key=<developerKey> to the Discovery URL when it has one)
              const docUrl = new URL(discovery[0]?.url ?? "");
              const where = `${docUrl.origin}${docUrl.pathname.replace("%24", "$")}`;
              if (where.startsWith("https://www.googleapis.com/discovery/"))
                expect(where).toBe(
                  `https://www.googleapis.com/discovery/v1/apis/${api.name}/${api.version}/rest`,
                );
              else {
                expect(where).toBe(`${api.rootUrl}$discovery/rest`);
                expect(docUrl.searchParams.get("version")).toBe(api.version);
              }
              row.note = lang === "typescript" ? "discoverAPI" : "static_discovery=False";
            } else expect(discovery, why).toEqual([]);
            expect(
              first.records.filter((r) => r.kind === "unmatched"),
              why,
            ).toEqual([]);

            // the wire == the explorer's request
            const calls = logicalCalls(c, lang, api);
            expect(calls.length, why).toBe(c.pages);
            row.calls = calls.length;
            const rules = new Set<RuleId>();
            calls.forEach((wire, i) => {
              const res = compareWithExplorer(c.input.http, wire.map(toWire), {
                language: lang,
                input: c.input,
                accessToken,
                apiKey: job.apiKey,
                media: c.input.media ? MEDIA_BYTES : undefined,
                pageToken: i === 0 ? undefined : `page-${i + 1}`,
              });
              expect(res.differences, `call ${i + 1} differs from the explorer request\n${why}`).toEqual([]);
              res.rules.forEach((r) => rules.add(r));
            });
            row.rules = [...rules];

            if (c.options.downloadTo) expect(first.downloaded?.equals(DOWNLOAD_BYTES), why).toBe(true);

            // token cache: the second run reuses token.json — no consent, no token request, same token on the wire
            if (c.options.tokenCache === true) {
              expect(first.tokenJson, why).not.toBeNull();
              const second = job.runs[1];
              expect(second, "second run").toBeDefined();
              const why2 = explain(c, lang, second as RunCapture);
              expect(second?.result.exitCode, why2).toBe(0);
              expect(second?.problems, why2).toEqual([]);
              expect(
                second?.records.filter((r) => r.kind !== "discovery").map((r) => r.kind),
                why2,
              ).toEqual(Array(c.pages).fill("api"));
              expect(second?.result.browserLog, why2).toEqual([]);
              expect(second?.issuedTokens, why2).toEqual([]);
              const api2 = (second?.records ?? []).filter((r) => r.kind === "api");
              for (const a of api2) expect(a.headers.authorization, why2).toBe(`Bearer ${accessToken}`);
              const res = compareWithExplorer(c.input.http, [toWire(api2[0] as RecordedRequest)], {
                language: lang,
                input: c.input,
                accessToken,
              });
              expect(res.differences, why2).toEqual([]);
              row.note = "token.json reused: no consent on run 2";
            }
            row.ok = true;
          },
          TEST_TIMEOUT,
        );
      }
    }

    it(
      "TypeScript snippets type-check with tsc --strict (one program)",
      async () => {
        const t = await (typecheck as Promise<TypecheckManyResult>);
        const bad = Object.entries(t.byFile).filter(([, d]) => d.length > 0);
        expect(bad, t.output.slice(-4000)).toEqual([]);
        expect(t.ok, t.output.slice(-4000)).toBe(true);
        expect(Object.keys(t.byFile)).toHaveLength(cases.length);
        rows.push({
          name: `tsc --strict (${cases.length} files)`,
          lang: "typescript",
          ok: true,
          ms: t.durationMs,
          calls: 0,
          rules: [],
          note: "",
        });
      },
      TEST_TIMEOUT,
    );

    it(
      "negative control: a wrong GOOGLE_API_KEY is refused by the fake and the snippet fails",
      async () => {
        const c = allCases.find((x) => x.input.auth.type === "apiKey" && x.pages === 1) as E2eCase;
        const res = await new Pool(lanes.slice(0, 1)).run(async (lane) => {
          const code = generateSnippet("python", c.input, c.options);
          return runOnce(lane, c, "python", code, {}, { GOOGLE_API_KEY: "AIza-wrong-key" });
        });
        expect(res.result.exitCode).toBe(1);
        expect(res.result.stderr).toContain("HTTP 400");
        expect(res.problems.map((p) => p.kind)).toEqual(["unauthorized"]);
        await rm(res.result.runDir, { recursive: true, force: true });
        // and no permissive fallback for the handlers this file registers: no token, a token never issued → 401
        const fake = (lanes[0] as Lane).fake;
        const paged = "https://youtube.googleapis.com/youtube/v3/search?part=snippet";
        expect((await requestThroughFake(fake, paged)).status).toBe(401);
        const bad = { headers: { authorization: "Bearer ya29.never-issued" } };
        expect((await requestThroughFake(fake, paged, bad)).status).toBe(401);
        expect(
          (await requestThroughFake(fake, "https://www.googleapis.com/drive/v3/files/x?alt=media")).status,
        ).toBe(401);
      },
      TEST_TIMEOUT,
    );

    for (const lang of LANGS) {
      it(
        `negative control [${lang}]: a service-account key the fake does not know is refused (invalid_grant) and the snippet fails`,
        async () => {
          const c = allCases.find((x) => x.input.auth.type === "serviceAccount") as E2eCase;
          // a well-formed key whose public half was never registered: its assertion cannot be verified
          const key = newServiceAccountKey(undefined, {
            email: "never-registered@fake-project.iam.gserviceaccount.com",
          });
          const res = await new Pool(lanes.slice(0, 1)).run((lane) =>
            runOnce(
              lane,
              c,
              lang,
              generateSnippet(lang, c.input, c.options),
              { "service-account.json": key.json },
              { GOOGLE_APPLICATION_CREDENTIALS: "service-account.json" },
            ),
          );
          const why = explain(c, lang, res);
          expect(res.result.exitCode, why).not.toBe(0);
          expect(res.result.stderr, why).toContain("invalid_grant");
          expect(
            res.problems.map((p) => p.message),
            why,
          ).toEqual([expect.stringMatching(/^invalid_grant: unknown issuer/)]);
          expect(
            res.records.filter((r) => r.kind === "api"),
            why,
          ).toEqual([]);
          expect(res.issuedTokens, why).toEqual([]);
          await rm(res.result.runDir, { recursive: true, force: true });
        },
        TEST_TIMEOUT,
      );
    }

    for (const lang of LANGS) {
      it(
        `headless flow [${lang}]: a pasted address with a wrong state is refused with a clear message`,
        async () => {
          const c = allCases.find((x) => isHeadless(x) && x.options.tokenCache !== true) as E2eCase;
          const wrongState = (finalUrl: string): string => {
            const u = new URL(finalUrl);
            u.searchParams.set("state", "not-the-state-this-run-sent");
            return u.href;
          };
          const res = await new Pool(lanes.slice(0, 1)).run((lane) =>
            runOnce(
              lane,
              c,
              lang,
              generateSnippet(lang, c.input, c.options),
              { "credentials.json": clientSecretsJson() },
              {},
              wrongState,
            ),
          );
          const why = explain(c, lang, res);
          expect(res.result.exitCode, why).toBe(1);
          expect(res.result.stderr, why).toContain(
            "Sign-in refused: the state in the pasted address does not match this sign-in.",
          );
          // consent happened, but the code was never exchanged and no API call was made
          expect(
            res.records.map((r) => r.kind),
            why,
          ).toEqual(["consent"]);
          expect(res.issuedTokens, why).toEqual([]);
          await rm(res.result.runDir, { recursive: true, force: true });
        },
        TEST_TIMEOUT,
      );
    }

    // "Equals the explorer request" literally: the CLI's `explorer request` prints buildHttpRequest's result.
    const cliCases = ["sheets-values-update-nasty", "youtube-search-list-apikey-all-pages"];
    for (const name of cliCases) {
      it(`CLI: explorer request --request ${name} prints buildHttpRequest`, async () => {
        const c = allCases.find((x) => x.name === name) as E2eCase;
        const dir = path.join(os.tmpdir(), `snippets-e2e-cli-${process.pid}`);
        mkdirSync(dir, { recursive: true });
        const reqFile = path.join(dir, `${name}.json`);
        writeFileSync(reqFile, JSON.stringify(c.file.request, null, 2));
        const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
          (resolve, reject) => {
            const child = spawn(
              process.execPath,
              [path.join(PROJECT_ROOT, "bin", "explorer.mjs"), "request", "--request", reqFile],
              {
                cwd: dir,
                env: { ...process.env, EXPLORER_DISCOVERY_SOURCE: "snapshot" },
                stdio: ["ignore", "pipe", "pipe"],
              },
            );
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
            child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
            const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
            child.on("error", reject);
            child.on("close", (code) => {
              clearTimeout(timer);
              resolve({ code, stdout, stderr });
            });
          },
        );
        expect(out.code, out.stderr).toBe(0);
        const printed = JSON.parse(out.stdout) as unknown;
        expect(printed).toEqual(buildHttpRequest(c.api, c.method, c.file.request));
        expect(printed).toEqual(c.input.http); // what the snippets were compared against
        await rm(dir, { recursive: true, force: true });
      }, 90_000);
    }
  },
);
