/**
 * The migrated legacy files run VERBATIM with the real libraries against the fake Google (testing/fake-google):
 * Python with google-api-python-client + google-auth-oauthlib, Node with googleapis; the OAuth ones sign in for
 * real (fake browser → consent → the file's own loopback server → token exchange) and every API request must carry
 * the issued token (or the API key). The recorded requests are the calls the original file meant.
 * The migrated TypeScript file is type-checked with tsc --strict as well.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { languageOfFileName, migrate } from "@/lib/migrate/migrate";
import { PROJECT_ROOT } from "@/testing/fake-google/ca";
import {
  buildSnippetEnv,
  clientSecretsJson,
  PYTHON,
  runSnippet,
  typecheckTsMany,
} from "@/testing/fake-google/run-snippet";
import {
  requestThroughFake,
  startFakeGoogle,
  type FakeGoogle,
  type RecordedRequest,
} from "@/testing/fake-google/server";

const LEGACY = path.join(PROJECT_ROOT, "testing", "migrate-corpus", "legacy");

interface ExpectedCall {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** Query parameters that must be there (others, like alt=json, may be added by the library). */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** Substrings of the JSON body. */
  readonly body?: readonly string[];
}

interface Case {
  readonly file: string;
  /** Name the file runs under (CommonJS files as .cjs: the run dir is an ES-module package). */
  readonly runAs?: string;
  /** The client-secrets file name the script opens (absent: an API-key script). */
  readonly secrets?: string;
  readonly calls: readonly ExpectedCall[];
  /** Files the run must leave behind (a token file that keeps the sign-in). */
  readonly leaves?: readonly string[];
  /** The script reads its OAuth client from CLIENT_ID / CLIENT_SECRET (no client-secrets file). */
  readonly clientFromEnv?: boolean;
  /** Text the run must print (a message the user chose and the rewrite kept). */
  readonly prints?: string;
}

const YT = "youtube.googleapis.com";
const CASES: readonly Case[] = [
  {
    file: "youtube-channels-list-run-console.py",
    secrets: "YOUR_CLIENT_SECRET_FILE.json",
    calls: [
      {
        method: "GET",
        host: YT,
        path: "/youtube/v3/channels",
        query: { part: "snippet,contentDetails,statistics", mine: "true" },
      },
    ],
  },
  {
    file: "youtube-playlists-insert-run-console.py",
    secrets: "YOUR_CLIENT_SECRET_FILE.json",
    calls: [
      {
        method: "POST",
        host: YT,
        path: "/youtube/v3/playlists",
        query: { part: "snippet,status" },
        body: ['"title": "Sample playlist created via API"', '"privacyStatus": "private"'],
      },
    ],
  },
  {
    file: "drive-files-list-run-console.py",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/drive/v3/files",
        query: { pageSize: "10", fields: "nextPageToken, files(id, name)" },
      },
    ],
    leaves: ["token.pickle"],
  },
  {
    file: "sheets-values-get-run-console.py",
    secrets: "client_secret.json",
    calls: [
      {
        method: "GET",
        host: "sheets.googleapis.com",
        path: "/v4/spreadsheets/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/values/Class%20Data%21A2%3AE",
      },
    ],
  },
  {
    file: "drive-quickstart-oauth2client.py",
    secrets: "client_secret.json",
    calls: [
      { method: "GET", host: "www.googleapis.com", path: "/drive/v3/files", query: { pageSize: "10" } },
    ],
    leaves: ["credentials.json"],
  },
  {
    file: "sheets-quickstart-oauth2client.py",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "sheets.googleapis.com",
        path: "/v4/spreadsheets/1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms/values/Class%20Data%21A2%3AE",
      },
    ],
    leaves: ["token.json"],
  },
  {
    file: "gmail-quickstart-oauth2client-apiclient.py",
    secrets: "client_secret.json",
    calls: [{ method: "GET", host: "gmail.googleapis.com", path: "/gmail/v1/users/me/labels" }],
  },
  {
    file: "drive-oob-copy-code.py",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/drive/v3/files",
        query: { pageSize: "5", fields: "files(id, name)" },
      },
    ],
  },
  {
    file: "youtube-oob-constant-flow.py",
    secrets: "client_secret.json",
    calls: [
      {
        method: "GET",
        host: YT,
        path: "/youtube/v3/channels",
        query: { part: "snippet", id: "UC_x5XG1OV2P6uZZ5FSM9Ttw" },
      },
    ],
  },
  {
    file: "calendar-oob-insecure-transport.py",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/calendar/v3/calendars/primary/events",
        query: { maxResults: "10" },
      },
    ],
  },
  {
    file: "translate-apikey-hardcoded.py",
    calls: [
      {
        method: "GET",
        host: "translation.googleapis.com",
        path: "/language/translate/v2",
        query: { source: "en", target: "fr", q: ["flower", "car"] },
      },
    ],
  },
  {
    file: "drive-local-auth-quickstart.js",
    runAs: "quickstart.cjs",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/drive/v3/files",
        query: { pageSize: "10", fields: "nextPageToken, files(id, name)" },
      },
    ],
    leaves: ["token.json"],
  },
  {
    file: "drive-readline-oob-callback.js",
    runAs: "quickstart.cjs",
    secrets: "credentials.json",
    calls: [
      { method: "GET", host: "www.googleapis.com", path: "/drive/v3/files", query: { pageSize: "10" } },
    ],
    leaves: ["token.json"],
  },
  {
    file: "gmail-local-auth-esm.mjs",
    runAs: "labels.mjs",
    secrets: "credentials.json",
    calls: [{ method: "GET", host: "gmail.googleapis.com", path: "/gmail/v1/users/me/labels" }],
  },
  {
    file: "calendar-local-auth.mts",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/calendar/v3/calendars/primary/events",
        query: { maxResults: "10", singleEvents: "true", orderBy: "startTime" },
      },
    ],
  },
  {
    file: "youtube-readline-oob-async.js",
    runAs: "channels.cjs",
    clientFromEnv: true,
    calls: [
      { method: "GET", host: YT, path: "/youtube/v3/channels", query: { part: "snippet", mine: "true" } },
    ],
  },
  {
    file: "tasks-readline-promises-oob.mts",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "tasks.googleapis.com",
        path: "/tasks/v1/users/@me/lists",
        query: { maxResults: "10" },
      },
    ],
  },
  {
    file: "people-readline-promise-wrapper.ts",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "people.googleapis.com",
        path: "/v1/people/me/connections",
        query: { pageSize: "10", personFields: "names,emailAddresses" },
      },
    ],
  },
  {
    file: "calendar-quickstart-oauth2client-flags.py",
    secrets: "client_secret.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/calendar/v3/calendars/primary/events",
        query: { maxResults: "10", singleEvents: "true", orderBy: "startTime" },
      },
    ],
    // The token file the 2016 quickstart kept, now in google-auth's format ($HOME is the run dir).
    leaves: [".credentials/calendar-python-quickstart.json"],
    prints: "Storing credentials to ",
  },
  {
    file: "drive-v2-oauth2webserverflow.py",
    clientFromEnv: true,
    calls: [
      { method: "GET", host: "www.googleapis.com", path: "/drive/v2/files", query: { maxResults: "10" } },
    ],
  },
  {
    file: "youtube-run-console-with-messages.py",
    secrets: "client_secret.json",
    calls: [
      { method: "GET", host: YT, path: "/youtube/v3/channels", query: { part: "snippet", mine: "true" } },
    ],
    prints: "Sign in with the team account: https://accounts.google.com/",
  },
  {
    file: "drive-import-apiclient-run-console.py",
    secrets: "credentials.json",
    calls: [
      {
        method: "GET",
        host: "www.googleapis.com",
        path: "/drive/v3/files",
        query: { pageSize: "3", fields: "files(id, name)" },
      },
    ],
  },
  {
    file: "youtube-search-apikey-hardcoded.js",
    runAs: "search.cjs",
    calls: [
      {
        method: "GET",
        host: YT,
        path: "/youtube/v3/search",
        query: { part: "snippet", q: "surfing", maxResults: "5" },
      },
    ],
  },
];

function migrated(file: string): string {
  const language = languageOfFileName(file);
  if (!language) throw new Error(file);
  const r = migrate(readFileSync(path.join(LEGACY, file), "utf8"), { language });
  expect(
    r.findings.every((f) => f.fixed),
    JSON.stringify(r.findings),
  ).toBe(true);
  return r.output;
}

function queryOf(rec: RecordedRequest): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of rec.query) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}

let fake: FakeGoogle;

/**
 * Runs a headless Python file as its user would: reads the printed sign-in URL, "opens" it (a GET through the
 * fake, which answers 302 to the loopback address nothing listens on) and pastes that address on stdin.
 */
async function runHeadless(
  code: string,
  files: Record<string, string>,
  tamper: (location: string) => string = (l) => l,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const runDir = path.join(
    PROJECT_ROOT,
    ".cache",
    "snippet-runs",
    `migrate-headless-${process.pid}-${Date.now()}`,
  );
  mkdirSync(runDir, { recursive: true });
  writeFileSync(path.join(runDir, "snippet.py"), code);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(runDir, name), text);
  const child: ChildProcessWithoutNullStreams = spawn(PYTHON, ["snippet.py"], {
    cwd: runDir,
    // The scratch-built snippet env, exactly (Next types make NODE_ENV a required key of ProcessEnv).
    env: buildSnippetEnv(fake, runDir) as NodeJS.ProcessEnv,
    detached: true,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  let pasted = false;
  const timer = setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), 30_000);
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString("utf8");
    const url = /^(https:\/\/accounts\.google\.com\/\S+)$/m.exec(stdout)?.[1];
    if (!url || pasted) return;
    pasted = true;
    void requestThroughFake(fake, url).then(
      (res) => child.stdin.end(`${tamper(res.headers.location ?? "")}\n`),
      (e: unknown) => child.stdin.end(`consent failed: ${String(e)}\n`),
    );
  });
  const exit = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(timer);
  await rm(runDir, { recursive: true, force: true });
  return { code: exit, stdout, stderr };
}
const haveVenv = existsSync(PYTHON);

describe.skipIf(!haveVenv)("migrated files run verbatim against the fake Google", () => {
  beforeAll(async () => {
    fake = await startFakeGoogle({ apiHosts: [] });
    // The callback quickstart reads files.length: answer like Drive does.
    fake.addApiHandler({
      name: "drive-files-list",
      host: "www.googleapis.com",
      method: "GET",
      path: "/drive/v3/files",
      handle: () => ({ json: { kind: "drive#fileList", files: [{ id: "f1", name: "Plan.txt" }] } }),
    });
    // The search sample iterates res.data.items: answer like YouTube does.
    fake.addApiHandler({
      name: "youtube-search",
      host: YT,
      path: "/youtube/v3/search",
      handle: () => ({
        json: { kind: "youtube#searchListResponse", items: [{ snippet: { title: "Surfing at Nazaré" } }] },
      }),
    });
  });
  afterAll(() => fake?.stop());
  beforeEach(() => fake.clearRecords());

  it.each(CASES)(
    "$file",
    async (c) => {
      const code = migrated(c.file);
      const python = c.file.endsWith(".py");
      const oauth = c.secrets !== undefined || c.clientFromEnv === true;
      const r = await runSnippet({
        language: python ? "python" : "typescript",
        code,
        fileName: c.runAs ?? (python ? "snippet.py" : "snippet.ts"), // .mts runs as snippet.ts: the dir is ESM
        files: c.secrets ? { [c.secrets]: clientSecretsJson() } : {},
        env: c.clientFromEnv
          ? { CLIENT_ID: fake.clientId, CLIENT_SECRET: fake.clientSecret }
          : c.secrets
            ? {}
            : { GOOGLE_API_KEY: fake.apiKey },
        fake,
        timeoutMs: python ? 30_000 : 45_000,
        keepRunDir: c.leaves !== undefined,
      });
      expect(r.exitCode, `${r.stderr}\n${r.stdout}`).toBe(0);
      expect(fake.problems).toEqual([]);

      const api = fake.records.filter((x) => x.kind === "api");
      expect(api.map((a) => `${a.method} ${a.host}${a.path}`)).toEqual(
        c.calls.map((e) => `${e.method} ${e.host}${e.path}`),
      );
      c.calls.forEach((e, i) => {
        const rec = api[i] as RecordedRequest;
        const q = queryOf(rec);
        for (const [k, v] of Object.entries(e.query ?? {}))
          expect(q.get(k), k).toEqual(typeof v === "string" ? [v] : v);
        for (const part of e.body ?? []) expect(String(rec.body)).toContain(part);
        if (oauth) {
          expect(rec.auth).toBe("bearer");
          expect(fake.issuedTokens.map((t) => t.accessToken)).toContain(rec.bearerToken);
        } else expect(rec.auth).toBe("api-key");
      });

      if (oauth) {
        // A real loopback sign-in: the consent went to a loopback redirect URI, never the out-of-band one.
        const consent = fake.records.filter((x) => x.kind === "consent");
        expect(consent).toHaveLength(1);
        expect(fake.grants[0]?.redirectUri).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/?$/);
        expect(r.browserLog.some((e) => e.event === "callback")).toBe(true);
      }
      if (c.file.includes("search")) expect(r.stdout).toContain("Surfing at Nazaré");
      if (c.prints) expect(r.stdout).toContain(c.prints);
      for (const f of c.leaves ?? []) expect(existsSync(path.join(r.runDir, f)), f).toBe(true);
      if (c.leaves) await rm(r.runDir, { recursive: true, force: true });
    },
    90_000,
  );

  it("the migrated oauth2client quickstart keeps working with the user's old oauth2client token file", async () => {
    const code = migrated("sheets-quickstart-oauth2client.py");
    const secrets = { "credentials.json": clientSecretsJson() };
    const first = await runSnippet({ language: "python", code, files: secrets, fake });
    expect(first.exitCode, first.stderr).toBe(0);
    const refreshToken = fake.issuedTokens[0]?.refreshToken;
    expect(refreshToken).toBeTruthy();
    fake.clearRecords();
    // What oauth2client's file.Storage wrote (OAuth2Credentials.to_json), with an expired access token.
    const oldToken = JSON.stringify({
      access_token: "ya29.expired-long-ago",
      client_id: fake.clientId,
      client_secret: fake.clientSecret,
      refresh_token: refreshToken,
      token_expiry: "2018-03-01T10:00:00Z",
      token_uri: "https://accounts.google.com/o/oauth2/token",
      user_agent: null,
      revoke_uri: "https://accounts.google.com/o/oauth2/revoke",
      id_token: null,
      token_response: null,
      scopes: ["https://www.googleapis.com/auth/spreadsheets.readonly"],
      token_info_uri: "https://www.googleapis.com/oauth2/v3/tokeninfo",
      invalid: false,
      _class: "OAuth2Credentials",
      _module: "oauth2client.client",
    });
    const second = await runSnippet({
      language: "python",
      code,
      files: { ...secrets, "token.json": oldToken },
      fake,
      keepRunDir: true,
    });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(fake.problems).toEqual([]);
    // No new sign-in: the old refresh token was used, and the API call carries the refreshed token.
    expect(fake.records.filter((x) => x.kind === "consent")).toEqual([]);
    expect(fake.issuedTokens.map((t) => t.grantType)).toEqual(["refresh_token"]);
    const api = fake.records.filter((x) => x.kind === "api");
    expect(api).toHaveLength(1);
    expect(api[0]?.bearerToken).toBe(fake.issuedTokens[0]?.accessToken);
    // Saved again in google-auth's format, so the next run needs no refresh.
    const saved = JSON.parse(readFileSync(path.join(second.runDir, "token.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(saved.refresh_token).toBe(refreshToken);
    expect(saved.token).toBe(fake.issuedTokens[0]?.accessToken);
    await rm(second.runDir, { recursive: true, force: true });
  }, 90_000);

  it.each(["drive-oob-copy-code.py", "youtube-channels-list-run-console.py"])(
    "headless: %s signs in without a browser (the user pastes the redirected address)",
    async (file) => {
      const source = readFileSync(path.join(LEGACY, file), "utf8");
      const { output, findings } = migrate(source, { language: "python", headless: true });
      expect(findings.every((f) => f.fixed)).toBe(true);
      const secrets = file.startsWith("youtube") ? "YOUR_CLIENT_SECRET_FILE.json" : "credentials.json";
      const r = await runHeadless(output, { [secrets]: clientSecretsJson() });
      expect(r.code, r.stderr).toBe(0);
      expect(fake.problems).toEqual([]);
      expect(r.stdout).toContain("Open this URL in a browser on any machine and sign in:");
      // Nothing listens on the redirect URI: only the pasted address carries the code (and the checked state).
      expect(fake.grants[0]?.redirectUri).toBe("http://localhost:1/");
      expect(fake.grants[0]?.state).toBeTruthy();
      const api = fake.records.filter((x) => x.kind === "api");
      expect(api).toHaveLength(1);
      expect(fake.issuedTokens.map((t) => t.accessToken)).toContain(api[0]?.bearerToken);
    },
    60_000,
  );

  it("headless: a pasted address from another sign-in (wrong state) is refused with a clear message", async () => {
    const source = readFileSync(path.join(LEGACY, "drive-oob-copy-code.py"), "utf8");
    const { output } = migrate(source, { language: "python", headless: true });
    const r = await runHeadless(output, { "credentials.json": clientSecretsJson() }, (loc) =>
      loc.replace(/state=[^&]+/, "state=forged"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "Sign-in failed: the pasted address is not from this sign-in (state differs).",
    );
    expect(fake.issuedTokens).toEqual([]);
    expect(fake.records.filter((x) => x.kind === "api")).toEqual([]);
  }, 60_000);

  it.each([
    { file: "youtube-readline-oob-async.js", runAs: "channels.cjs", path: "/youtube/v3/channels" },
    { file: "tasks-readline-promises-oob.mts", runAs: "snippet.ts", path: "/tasks/v1/users/@me/lists" },
    { file: "calendar-local-auth.mts", runAs: "snippet.ts", path: "/calendar/v3/calendars/primary/events" },
    { file: "drive-readline-oob-callback.js", runAs: "quickstart.cjs", path: "/drive/v3/files" },
  ])(
    "headless (Node): $file signs in without a browser (the user pastes the redirected address)",
    async ({ file, runAs, path: apiPath }) => {
      const language = languageOfFileName(file) ?? "javascript";
      const { output, findings } = migrate(readFileSync(path.join(LEGACY, file), "utf8"), {
        language,
        headless: true,
      });
      expect(findings.every((f) => f.fixed)).toBe(true);
      const fromEnv = file.startsWith("youtube");
      const r = await runSnippet({
        language: "typescript",
        code: output,
        fileName: runAs,
        files: fromEnv ? {} : { "credentials.json": clientSecretsJson() },
        env: fromEnv ? { CLIENT_ID: fake.clientId, CLIENT_SECRET: fake.clientSecret } : {},
        fake,
        timeoutMs: 45_000,
        pasteFinalUrl: {},
      });
      expect(r.exitCode, `${r.stderr}\n${r.stdout}`).toBe(0);
      expect(fake.problems).toEqual([]);
      expect(r.stdout).toContain("Open this URL in a browser on any device and sign in:");
      // The redirect of the explorer's headless snippets, which nothing listens on; PKCE and state were sent.
      expect(fake.grants[0]?.redirectUri).toBe("http://localhost:8080/");
      expect(fake.grants[0]?.state).toBeTruthy();
      expect(r.browserLog.some((e) => e.event === "callback")).toBe(false);
      const api = fake.records.filter((x) => x.kind === "api");
      expect(api.map((a) => a.path)).toEqual([apiPath]);
      expect(fake.issuedTokens.map((t) => t.accessToken)).toContain(api[0]?.bearerToken);
    },
    90_000,
  );

  it("headless (Node): a pasted address from another sign-in (wrong state) is refused with a clear message", async () => {
    const source = readFileSync(path.join(LEGACY, "tasks-readline-promises-oob.mts"), "utf8");
    const { output } = migrate(source, { language: "typescript", headless: true });
    const r = await runSnippet({
      language: "typescript",
      code: output,
      files: { "credentials.json": clientSecretsJson() },
      fake,
      timeoutMs: 45_000,
      pasteFinalUrl: { tamper: (u) => u.replace(/state=[^&]+/, "state=forged") },
    });
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(
      "Sign-in refused: the state in the pasted address does not match this sign-in.",
    );
    expect(fake.issuedTokens).toEqual([]);
    expect(fake.records.filter((x) => x.kind === "api")).toEqual([]);
  }, 90_000);

  it("every migrated TypeScript file type-checks (tsc --strict), loopback and headless", async () => {
    const ts = CASES.map((c) => c.file).filter((f) => languageOfFileName(f) === "typescript");
    expect(ts.length).toBeGreaterThanOrEqual(3);
    const snippets: Record<string, string> = {};
    for (const f of ts) {
      const source = readFileSync(path.join(LEGACY, f), "utf8");
      const base = f.replace(/\.m?ts$/, "");
      snippets[`${base}.ts`] = migrated(f);
      snippets[`${base}-headless.ts`] = migrate(source, { language: "typescript", headless: true }).output;
    }
    const r = await typecheckTsMany(snippets, { timeoutMs: 120_000 });
    expect(r.byFile).toEqual(Object.fromEntries(Object.keys(snippets).map((n) => [n, []])));
    expect(r.ok).toBe(true);
  }, 150_000);
});
