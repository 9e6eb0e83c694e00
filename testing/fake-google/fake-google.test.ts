// Proves the fake-Google harness with HAND-WRITTEN reference snippets (__fixtures__/): these are what correct
// loopback / API-key snippets look like, not the product's generated code. Each one runs verbatim with the real
// client libraries (googleapis 188, google-api-python-client 2.201.0 + google-auth-oauthlib 1.5.0) against the fake.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./ca";
import {
  buildSnippetEnv,
  clientSecretsJson,
  runSnippet,
  SNIPPET_RUNS_DIR,
  typecheckTsMany,
  type RunSnippetResult,
  type TypecheckManyResult,
} from "./run-snippet";
import {
  mediaResponse,
  pagedResponse,
  requestThroughFake,
  startFakeGoogle,
  type FakeGoogle,
  type RecordedRequest,
} from "./server";

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "__fixtures__");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const PY_LOOPBACK = fixture("youtube_channels_loopback.py");
const PY_UPLOAD = fixture("drive_upload_multipart.py");
const PY_API_KEY = fixture("youtube_search_api_key.py");
const PY_NO_BROWSER = fixture("youtube_channels_no_browser.py");
const TS_LOOPBACK = fixture("youtube-channels-loopback.ts");
// Two known compile errors (notes: B3 / C3): the string 'S256' instead of the enum, and part as a string.
const TS_BROKEN = TS_LOOPBACK.replace(
  "code_challenge_method: Auth.CodeChallengeMethod.S256",
  'code_challenge_method: "S256"',
).replace('part: ["snippet", "statistics"]', 'part: "snippet,statistics"');

const timings: Record<string, number> = {};
let fake: FakeGoogle;
let typecheck: Promise<TypecheckManyResult>;

/** Assert-friendly dump for failures. */
function explain(r: RunSnippetResult): string {
  return [
    `exit=${r.exitCode} signal=${r.signal} timedOut=${r.timedOut} ${r.durationMs}ms runDir=${r.runDir}`,
    `--- stdout\n${r.stdout.slice(-2000)}`,
    `--- stderr\n${r.stderr.slice(-4000)}`,
    `--- browser\n${r.browserLog
      .map((e) => JSON.stringify(e))
      .join("\n")
      .slice(-2000)}`,
    `--- problems\n${JSON.stringify(fake.problems, null, 1)}`,
    `--- records\n${fake.records.map((x) => `${x.seq} ${x.kind} ${x.status} ${x.method} ${x.url}`).join("\n")}`,
  ].join("\n");
}

const kinds = () => fake.records.map((r) => r.kind);
const only = <T>(xs: T[]): T => {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
};

beforeAll(async () => {
  const t0 = performance.now();
  // tsc parses googleapis' ~3.8M lines of .d.ts (15–35 s here): start it now, in parallel with the snippet runs.
  typecheck = typecheckTsMany({ "good.ts": TS_LOOPBACK, "broken.ts": TS_BROKEN });
  fake = await startFakeGoogle();
  timings["startFakeGoogle (incl. CA)"] = Math.round(performance.now() - t0);
});

afterAll(async () => {
  const t0 = performance.now();
  await fake?.stop();
  timings["stop"] = Math.round(performance.now() - t0);
  console.log(`[fake-google timings ms] ${JSON.stringify(timings)}`);
});

beforeEach(() => fake.clearRecords());

describe("fake Google harness", () => {
  it("python: InstalledAppFlow.run_local_server + build('youtube','v3') + channels.list, verbatim", async () => {
    const r = await runSnippet({
      language: "python",
      code: PY_LOOPBACK,
      files: { "credentials.json": clientSecretsJson() },
      fake,
      timeoutMs: 30_000,
    });
    timings["python loopback"] = r.durationMs;
    expect(r.exitCode, explain(r)).toBe(0);
    expect(fake.problems, explain(r)).toEqual([]);

    // consent → token → API, in that order, and nothing else (static discovery: no discovery fetch)
    expect(kinds()).toEqual(["consent", "token", "api"]);
    const [consent, tokenReq, api] = fake.records as [RecordedRequest, RecordedRequest, RecordedRequest];
    expect(consent.host).toBe("accounts.google.com");
    expect(consent.path).toBe("/o/oauth2/auth"); // auth_uri from credentials.json
    const cq = new URLSearchParams(consent.rawQuery);
    expect(cq.get("redirect_uri")).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(cq.get("code_challenge_method")).toBe("S256");
    expect(cq.get("state")).toBeTruthy();
    expect(cq.get("access_type")).toBe("offline");

    const issued = only(fake.issuedTokens);
    expect(issued).toMatchObject({
      grantType: "authorization_code",
      clientAuth: "client_secret_basic",
      pkce: "S256",
    });
    expect(tokenReq.host).toBe("oauth2.googleapis.com");
    expect(tokenReq.headers.authorization).toMatch(/^Basic /);

    expect(api.host).toBe("youtube.googleapis.com");
    expect(api.path).toBe("/youtube/v3/channels");
    expect(api.headers.authorization).toBe(`Bearer ${issued.accessToken}`);
    expect(api.authorized).toBe(true);
    expect(api.rawQuery).toBe("part=snippet%2Cstatistics&mine=true&alt=json");
    expect(api.query).toEqual([
      ["part", "snippet,statistics"],
      ["mine", "true"],
      ["alt", "json"],
    ]);
    expect(api.time).toBeGreaterThanOrEqual(tokenReq.time);

    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf("{")))).toMatchObject({ kind: "fake#response" });
    const browser = r.browserLog.map((e) => e.event);
    expect(browser).toEqual(["start", "check", "consent", "callback", "exit"]);
    expect(r.browserLog.find((e) => e.event === "callback")).toMatchObject({ status: 200 });
  });

  it("typescript: google.auth.OAuth2 + PKCE S256 + state + loopback server, verbatim; sends Bearer", async () => {
    const r = await runSnippet({
      language: "typescript",
      code: TS_LOOPBACK,
      files: { "credentials.json": clientSecretsJson() },
      fake,
      timeoutMs: 45_000,
    });
    timings["typescript loopback"] = r.durationMs;
    expect(r.exitCode, explain(r)).toBe(0);
    expect(fake.problems, explain(r)).toEqual([]);
    expect(kinds()).toEqual(["consent", "token", "api"]);
    const [consent, tokenReq, api] = fake.records as [RecordedRequest, RecordedRequest, RecordedRequest];

    expect(consent.path).toBe("/o/oauth2/v2/auth"); // google-auth-library's own default endpoint
    const cq = new URLSearchParams(consent.rawQuery);
    expect(cq.get("redirect_uri")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(cq.get("code_challenge_method")).toBe("S256");
    expect(cq.get("state")).toMatch(/^[0-9a-f]{32}$/);
    expect(r.stdout).toContain("https://accounts.google.com/o/oauth2/v2/auth?"); // URL printed for headless users

    const issued = only(fake.issuedTokens);
    expect(issued).toMatchObject({ clientAuth: "client_secret_post", pkce: "S256", codeVerifierSent: true });
    expect(tokenReq.headers.authorization).toBeUndefined();

    expect(api.headers.authorization).toBe(`Bearer ${issued.accessToken}`);
    expect(api.authorized).toBe(true);
    expect(api.query).toEqual([
      ["part", "snippet"],
      ["part", "statistics"],
      ["mine", "true"],
    ]);
    expect(JSON.parse(r.stdout.slice(r.stdout.lastIndexOf("\n{") + 1))).toMatchObject({
      kind: "fake#response",
    });
  });

  it("python: multipart media upload (drive files.create) is parsed and recorded; media download returns bytes", async () => {
    const csv = "id,name\n1,alpha\n2,beta\n";
    fake.addApiHandler({
      name: "drive.files.get",
      host: "www.googleapis.com",
      method: "GET",
      path: /^\/drive\/v3\/files\/[^/]+$/,
      handle: (req) =>
        req.query.some(([k, v]) => k === "alt" && v === "media")
          ? mediaResponse(csv, "text/csv")()
          : { json: { kind: "drive#file", id: req.path.split("/").pop() } },
    });
    const r = await runSnippet({
      language: "python",
      code: PY_UPLOAD,
      files: { "credentials.json": clientSecretsJson(), "report.csv": csv },
      fake,
      timeoutMs: 30_000,
    });
    timings["python upload+download"] = r.durationMs;
    expect(r.exitCode, explain(r)).toBe(0);
    expect(fake.problems, explain(r)).toEqual([]);
    expect(kinds()).toEqual(["consent", "token", "api", "api"]);

    const up = fake.records[2] as RecordedRequest;
    expect(up.method).toBe("POST");
    expect(up.host).toBe("www.googleapis.com");
    expect(up.path).toBe("/upload/drive/v3/files");
    expect(up.query).toContainEqual(["uploadType", "multipart"]);
    expect(up.headers["content-type"]).toMatch(/^multipart\/related; boundary=/);
    expect(up.authorized).toBe(true);
    expect(up.upload?.uploadType).toBe("multipart");
    const [meta, media] = up.upload?.parts ?? [];
    expect(meta?.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(meta?.body.toString("utf8") ?? "null")).toEqual({
      name: "report.csv",
      mimeType: "text/csv",
    });
    expect(media?.headers["content-type"]).toBe("text/csv");
    expect(media?.body.toString("utf8")).toBe(csv);

    const dl = fake.records[3] as RecordedRequest;
    expect(dl.handler).toBe("drive.files.get");
    expect(dl.query).toContainEqual(["alt", "media"]);
    const out = JSON.parse(r.stdout.slice(r.stdout.indexOf("\n{") + 1)) as {
      created: { id: string; name: string };
      downloaded: string;
    };
    expect(out.created.name).toBe("report.csv");
    expect(dl.path).toBe(`/drive/v3/files/${out.created.id}`);
    expect(out.downloaded).toBe(csv);
  });

  it("python: developerKey from the environment, discovery over the network, nextPageToken paging", async () => {
    fake.addApiHandler({
      name: "youtube.search.list",
      path: "/youtube/v3/search",
      handle: pagedResponse({ pages: 3, kind: "youtube#searchListResponse" }),
    });
    const r = await runSnippet({
      language: "python",
      code: PY_API_KEY,
      fake,
      timeoutMs: 30_000,
      env: { YOUTUBE_API_KEY: fake.apiKey },
    });
    timings["python api key + paging"] = r.durationMs;
    expect(r.exitCode, explain(r)).toBe(0);
    expect(fake.problems, explain(r)).toEqual([]);
    expect(kinds()).toEqual(["discovery", "api", "api", "api"]);
    expect(fake.records[0]).toMatchObject({
      host: "www.googleapis.com",
      path: "/discovery/v1/apis/youtube/v3/rest",
      status: 200,
    });
    const pages = fake.records.slice(1);
    for (const p of pages) {
      expect(p).toMatchObject({ auth: "api-key", authorized: true, handler: "youtube.search.list" });
      expect(p.query).toContainEqual(["key", fake.apiKey]);
      expect(p.headers.authorization).toBeUndefined();
    }
    expect(pages.map((p) => p.query.find(([k]) => k === "pageToken")?.[1])).toEqual([
      undefined,
      "page-2",
      "page-3",
    ]);
    expect(JSON.parse(r.stdout)).toEqual({
      count: 6,
      ids: ["item-1-1", "item-1-2", "item-2-1", "item-2-2", "item-3-1", "item-3-2"],
    });
    expect(fake.issuedTokens).toEqual([]);
  });

  it("negative control: no token → 401, recorded unauthorized and as a problem; bad token and bad key too", async () => {
    const base = "https://youtube.googleapis.com/youtube/v3/channels?part=id&mine=true";
    const none = await requestThroughFake(fake, base);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ error: { code: 401, status: "UNAUTHENTICATED" } });
    const badToken = await requestThroughFake(fake, base, {
      headers: { authorization: "Bearer ya29.not-issued" },
    });
    expect(badToken.status).toBe(401);
    const badKey = await requestThroughFake(fake, `${base}&key=wrong`);
    expect(badKey.status).toBe(400);
    const unknownHost = await requestThroughFake(fake, "https://example.com/");
    expect(unknownHost.status).toBe(599);

    expect(fake.records.map((x) => [x.kind, x.status, x.authorized, x.auth])).toEqual([
      ["api", 401, false, "none"],
      ["api", 401, false, "bearer"],
      ["api", 400, false, "api-key"],
      ["unmatched", 599, false, "none"],
    ]);
    expect(fake.problems.map((p) => p.kind)).toEqual([
      "unauthorized",
      "unauthorized",
      "unauthorized",
      "unmatched",
    ]);
  });

  it("negative control: a flow whose browser step never happens is killed at its timeout", async () => {
    const r = await runSnippet({
      language: "python",
      code: PY_NO_BROWSER,
      files: { "credentials.json": clientSecretsJson() },
      fake,
      timeoutMs: 2_500,
    });
    timings["python no-browser (timeout 2.5s)"] = r.durationMs;
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe("SIGKILL");
    expect(r.durationMs).toBeLessThan(6_000);
    expect(r.stdout).toContain("https://accounts.google.com/o/oauth2/auth?"); // it printed the URL and waited
    expect(r.browserLog).toEqual([]);
    expect(fake.records).toEqual([]);
    expect(() => process.kill(r.pid ?? -1, 0)).toThrow(); // the process (group) is gone
    expect(r.runDir.startsWith(SNIPPET_RUNS_DIR)).toBe(true); // kept for debugging
  });

  // What open@7's bundled xdg-open (used by @google-cloud/local-auth) and Debian's /usr/bin/xdg-open do without a
  // desktop: fall back to $BROWSER. open@7 is not a project dependency; FAKE_GOOGLE_EXTRA_OPENER=<path> adds one.
  const openers = [
    "xdg-open",
    path.join(PROJECT_ROOT, "node_modules", "open", "xdg-open"),
    ...(process.env.FAKE_GOOGLE_EXTRA_OPENER ? [process.env.FAKE_GOOGLE_EXTRA_OPENER] : []),
  ].filter((o) => !o.includes("/") || existsSync(o));
  it.each(openers)(
    "%s (no desktop) hands the URL to $BROWSER, which completes a loopback flow",
    async (opener) => {
      const server = http.createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/plain", connection: "close" }).end("ok");
        server.close();
      });
      const got = new Promise<string>((resolve) =>
        server.once("request", (req: http.IncomingMessage) => resolve(req.url ?? "")),
      );
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as AddressInfo;
      const url =
        `https://accounts.google.com/o/oauth2/v2/auth?client_id=${encodeURIComponent(fake.clientId)}` +
        `&redirect_uri=${encodeURIComponent(`http://127.0.0.1:${port}/`)}&response_type=code` +
        `&scope=${encodeURIComponent("https://www.googleapis.com/auth/youtube.readonly")}&state=s1`;
      const runDir = path.join(SNIPPET_RUNS_DIR, `xdg-${process.pid}-${Date.now()}`);
      mkdirSync(runDir, { recursive: true });
      const env = buildSnippetEnv(fake, runDir);
      const xdg = spawn(opener, [url], { env: env as NodeJS.ProcessEnv, stdio: "ignore" });
      const code = await new Promise<number | null>((resolve) =>
        xdg.on("close", resolve).on("error", () => resolve(-1)),
      );
      if (code === -1 && opener === "xdg-open") return; // no system xdg-open on this machine: nothing to prove
      expect(code).toBe(0);
      const cbUrl = await Promise.race([
        got,
        new Promise<string>((_, rej) => setTimeout(() => rej(new Error("no callback")), 10_000)),
      ]);
      expect(cbUrl).toMatch(/^\/\?state=s1&code=4%2F0Afake-/);
      expect(only(fake.records.filter((x) => x.kind === "consent")).status).toBe(302);
      expect(fake.problems).toEqual([]);
    },
  );

  it("token endpoint: one-time codes, redirect_uri binding, PKCE verifier check, refresh_token grant", async () => {
    const form = (o: Record<string, string>) => ({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(o).toString(),
    });
    const consentFor = async (extra: Record<string, string>) => {
      const q = new URLSearchParams({
        client_id: fake.clientId,
        redirect_uri: "http://127.0.0.1:9/",
        response_type: "code",
        scope: "https://www.googleapis.com/auth/youtube.readonly",
        access_type: "offline",
        ...extra,
      });
      const res = await requestThroughFake(fake, `https://accounts.google.com/o/oauth2/v2/auth?${q}`);
      expect(res.status).toBe(302);
      return new URL(res.headers.location ?? "").searchParams.get("code") ?? "";
    };
    const tokenUrl = "https://oauth2.googleapis.com/token";
    const client = {
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      grant_type: "authorization_code",
    };

    // PKCE S256: challenge = BASE64URL(SHA256(verifier))
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = await consentFor({ code_challenge: challenge, code_challenge_method: "S256" });
    const wrongVerifier = await requestThroughFake(
      fake,
      tokenUrl,
      form({ ...client, code, redirect_uri: "http://127.0.0.1:9/", code_verifier: "x".repeat(43) }),
    );
    expect(wrongVerifier.status).toBe(400);
    const wrongRedirect = await requestThroughFake(
      fake,
      tokenUrl,
      form({ ...client, code, redirect_uri: "http://127.0.0.1:10/", code_verifier: verifier }),
    );
    expect(JSON.parse(wrongRedirect.body)).toMatchObject({ error: "redirect_uri_mismatch" });
    const ok = await requestThroughFake(
      fake,
      tokenUrl,
      form({ ...client, code, redirect_uri: "http://127.0.0.1:9/", code_verifier: verifier }),
    );
    expect(ok.status, ok.body).toBe(200);
    const tokens = JSON.parse(ok.body) as {
      access_token: string;
      refresh_token: string;
      scope: string;
      token_type: string;
    };
    expect(tokens).toMatchObject({
      token_type: "Bearer",
      scope: "https://www.googleapis.com/auth/youtube.readonly",
    });
    expect(tokens.access_token).toMatch(/^ya29\.fake-/);
    const replay = await requestThroughFake(
      fake,
      tokenUrl,
      form({ ...client, code, redirect_uri: "http://127.0.0.1:9/", code_verifier: verifier }),
    );
    expect(JSON.parse(replay.body)).toMatchObject({ error: "invalid_grant" });

    const refreshed = await requestThroughFake(
      fake,
      tokenUrl,
      form({
        client_id: fake.clientId,
        client_secret: fake.clientSecret,
        grant_type: "refresh_token",
        refresh_token: tokens.refresh_token,
      }),
    );
    expect(refreshed.status, refreshed.body).toBe(200);
    const fresh = JSON.parse(refreshed.body) as { access_token: string; refresh_token?: string };
    expect(fresh.access_token).not.toBe(tokens.access_token);
    expect(fresh.refresh_token).toBeUndefined(); // like Google: the refresh token is not rotated
    const api = await requestThroughFake(
      fake,
      "https://youtube.googleapis.com/youtube/v3/channels?part=id&mine=true",
      {
        headers: { authorization: `Bearer ${fresh.access_token}` },
      },
    );
    expect(api.status).toBe(200);

    expect(fake.issuedTokens.map((t) => [t.grantType, t.pkce, t.clientAuth])).toEqual([
      ["authorization_code", "S256", "client_secret_post"],
      ["refresh_token", "none", "client_secret_post"],
    ]);
    // the three rejected exchanges are problems (a snippet that did this would be wrong)
    expect(fake.problems.map((p) => p.kind)).toEqual(["token", "token", "token"]);
  });

  it("tsc --strict: the TypeScript reference snippet type-checks; known mistakes do not", async () => {
    const t = await typecheck;
    timings["tsc (2 snippets, one program, ran in parallel)"] = t.durationMs;
    expect(t.byFile["good.ts"], t.output).toEqual([]);
    const broken = (t.byFile["broken.ts"] ?? []).join("\n");
    expect(broken).toMatch(
      /broken\.ts\(\d+,\d+\): error TS2322: Type '"S256"' is not assignable to type 'CodeChallengeMethod/,
    );
    // part: "snippet,statistics" (a string where string[] is required) → no overload of channels.list matches
    expect(broken).toMatch(/broken\.ts\(\d+,\d+\): error TS2769: No overload matches this call/);
  }, 180_000);
});
