/**
 * Proves the Python snippets with the REAL libraries (venv: google-api-python-client 2.201.0,
 * google-auth-oauthlib 1.5.0), offline: every golden fixture's snippet is executed verbatim by
 * ./prove_snippets.py (one Python process for all), which records the requests the library builds. Each is then
 * compared SEMANTICALLY with SnippetInput.http (what the explorer shows): Python adds `alt=json`, encodes a space
 * as `+`, keeps `:` in `{+x}`, sends numbers as floats, sends API keys as `key=` and uploads resumably
 * (client-library-rules.md A3, A4, E3).
 */
import { spawnSync } from "node:child_process";
import { createVerify, generateKeyPairSync } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { loadAllFixtures, ROOT, type LoadedFixture } from "../../__fixtures__/load";
import { mediaDownloadApplies, mediaUploadApplies } from "../../prepare";
import type { RequestAuth } from "@/lib/request/types";

import { multiValuedParams, pythonTarget } from "./client";

const PYTHON = join(ROOT, ".venv", "bin", "python");
const FAKE_KEY = "fake-api-key-123";
const FAKE_TOKEN = "ya29.fake-token";
const FAKE_IMPERSONATED_TOKEN = "ya29.fake-impersonated-token";
const TOKEN_URI = "https://oauth2.googleapis.com/token";
const SA_EMAIL = "runner@my-project.iam.gserviceaccount.com";
const ADC_REFRESH_TOKEN = "1//fake-adc-refresh";

/** A real RSA key: the service-account snippet signs its JWT assertion with it, and the test verifies it. */
const SA_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

/** The credential file GOOGLE_APPLICATION_CREDENTIALS names for a server auth kind (written next to the snippet). */
function credentialFiles(auth: RequestAuth): {
  env: Record<string, string>;
  files: Record<string, unknown>;
} {
  switch (auth.type) {
    case "apiKey":
      return { env: { GOOGLE_API_KEY: FAKE_KEY }, files: {} };
    case "adc":
    case "impersonate":
      // What gcloud auth application-default login writes (a client id of our own: no gcloud warning).
      return {
        env: { GOOGLE_APPLICATION_CREDENTIALS: "{dir}/adc.json" },
        files: {
          "adc.json": {
            type: "authorized_user",
            client_id: "adc-client.apps.googleusercontent.com",
            client_secret: "adc-secret",
            refresh_token: ADC_REFRESH_TOKEN,
          },
        },
      };
    case "serviceAccount":
      return {
        env: { GOOGLE_APPLICATION_CREDENTIALS: "{dir}/sa-key.json" },
        files: {
          "sa-key.json": {
            type: "service_account",
            project_id: "my-project",
            private_key_id: "fake-key-id",
            private_key: SA_KEY.privateKey,
            client_email: SA_EMAIL,
            client_id: "1234567890",
            token_uri: TOKEN_URI,
          },
        },
      };
    default:
      return { env: {}, files: {} };
  }
}

function form(body: string | null): URLSearchParams {
  return new URLSearchParams(body ?? "");
}

/** The claims of a JWT assertion whose RS256 signature the service account's public key verifies. */
function verifiedClaims(jwt: string): Record<string, unknown> {
  const [head, payload, signature] = jwt.split(".");
  const verify = createVerify("RSA-SHA256");
  verify.update(`${head}.${payload}`);
  expect(verify.verify(SA_KEY.publicKey, Buffer.from(signature!, "base64url")), "JWT signature").toBe(true);
  expect(JSON.parse(Buffer.from(head!, "base64url").toString())).toMatchObject({ alg: "RS256" });
  return JSON.parse(Buffer.from(payload!, "base64url").toString()) as Record<string, unknown>;
}

interface RecordedRequest {
  readonly uri: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}
interface Run {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly requests: RecordedRequest[];
  readonly build: {
    serviceName: string;
    version: string;
    credentials: string | null;
    http: string | null;
    developerKey: string | null;
    static_discovery: boolean | null;
  }[];
  readonly flow: { kwargs: Record<string, unknown>; scopes: string[] }[];
  /** Token-endpoint requests (refresh, JWT bearer, generateAccessToken), apart from the API requests. */
  readonly tokens: RecordedRequest[];
  readonly files: string[];
  readonly downloaded: string | null;
}
interface Result {
  readonly name: string;
  readonly runs: Run[];
}

const fixtures = loadAllFixtures().filter((f) => f.input !== null);
const haveVenv = existsSync(PYTHON);
const results = new Map<string, Result>();

beforeAll(() => {
  if (!haveVenv) return;
  const items = fixtures.map((fx) => ({
    name: fx.name,
    snippet: pythonTarget.generate(fx.input!, fx.options),
    doc: fx.docPath,
    allPages: fx.options.allPages === true,
    tokenCache: fx.options.tokenCache === true,
    downloadTo: fx.options.downloadTo ?? null,
    mediaFile: fx.input!.media?.fileName ?? null,
    ...credentialFiles(fx.input!.auth),
  }));
  const proc = spawnSync(PYTHON, [join(__dirname, "prove_snippets.py")], {
    input: JSON.stringify(items),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", BROWSER: "" },
    timeout: 120_000,
  });
  if (proc.status !== 0) throw new Error(`prove_snippets.py failed (${proc.status}): ${proc.stderr}`);
  for (const r of JSON.parse(proc.stdout) as Result[]) results.set(r.name, r);
}, 180_000);

/** Decoded query pairs, sorted, as `k=v` strings. */
function queryPairs(url: URL): string[] {
  return [...url.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort();
}

function normaliseNumber(pair: string): string {
  const m = /^([^=]+)=(-?\d+)\.0$/.exec(pair);
  return m ? `${m[1]}=${m[2]}` : pair;
}

function decodedPath(url: URL): string {
  return decodeURIComponent(url.pathname);
}

function compare(fx: LoadedFixture, run: Run): void {
  const input = fx.input!;
  const expected = input.http;
  const apiRequests = run.requests.filter((r) => !r.uri.startsWith("https://upload.fake/"));
  expect(apiRequests.length, "API requests sent").toBeGreaterThan(0);
  const actual = apiRequests[0]!;
  const want = new URL(expected.url);
  const got = new URL(actual.uri);

  expect(actual.method).toBe(expected.method);
  expect(got.origin).toBe(want.origin);
  expect(decodedPath(got)).toBe(decodedPath(want));

  // Query: Python adds alt=json (JsonModel) and chooses uploadType=resumable; API keys travel as key=.
  const ignore = (p: string): boolean => p === "alt=json" || p.startsWith("uploadType=");
  const gotPairs = queryPairs(got)
    .filter((p) => !ignore(p) && p !== `key=${FAKE_KEY}`)
    .map(normaliseNumber);
  let wantPairs = queryPairs(want)
    .filter((p) => !ignore(p))
    .map(normaliseNumber);
  if (mediaUploadApplies(input)) {
    // Documented deviation: multi-valued repeated params go comma-separated on uploads (see multiValuedParams).
    for (const p of multiValuedParams(input)) {
      const values = (p.value as readonly unknown[]).map(String);
      wantPairs = [
        ...wantPairs.filter((x) => !x.startsWith(`${p.name}=`)),
        `${p.name}=${values.join(",")}`,
      ].sort();
    }
  }
  expect(gotPairs).toEqual(wantPairs);

  const headers = Object.fromEntries(Object.entries(actual.headers).map(([k, v]) => [k.toLowerCase(), v]));
  switch (input.auth.type) {
    case "oauth":
    case "adc":
    case "serviceAccount":
      expect(expected.headers.authorization).toBe("Bearer {ACCESS_TOKEN}");
      expect(headers.authorization).toBe(`Bearer ${FAKE_TOKEN}`);
      break;
    case "impersonate":
      // The call carries the impersonated service account's token, not the source credentials'.
      expect(expected.headers.authorization).toBe("Bearer {ACCESS_TOKEN}");
      expect(headers.authorization).toBe(`Bearer ${FAKE_IMPERSONATED_TOKEN}`);
      break;
    case "apiKey":
      expect(expected.headers["x-goog-api-key"]).toBeDefined();
      expect(queryPairs(got)).toContain(`key=${FAKE_KEY}`);
      expect(headers.authorization).toBeUndefined();
      break;
    case "none":
      expect(headers.authorization).toBeUndefined();
      expect(queryPairs(got).some((p) => p.startsWith("key="))).toBe(false);
      break;
  }
  if (expected.headers["x-goog-api-version"]) {
    expect(headers["x-goog-api-version"]).toBe(expected.headers["x-goog-api-version"]);
  }

  // Body: JSON equal (uploads: the resumable session request carries the metadata; dataWrapper wraps it).
  if (mediaUploadApplies(input)) {
    expect(actual.body === null ? null : JSON.parse(actual.body)).toEqual(input.body);
    expect(headers["x-upload-content-type"]).toBe(input.media?.mimeType ?? "application/octet-stream");
    expect(run.requests.some((r) => r.uri.startsWith("https://upload.fake/"))).toBe(true);
  } else if (expected.body !== null) {
    const sent = JSON.parse(actual.body ?? "null") as unknown;
    const unwrapped = input.api.dataWrapper ? (sent as { data: unknown }).data : sent;
    const shown = JSON.parse(expected.body) as unknown;
    expect(unwrapped).toEqual(input.api.dataWrapper && isDataWrapped(shown) ? shown.data : shown);
  } else {
    expect(actual.body ?? null).toBeNull();
  }
}

function isDataWrapped(v: unknown): v is { data: unknown } {
  return (
    typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 1 && "data" in v
  );
}

/** What the server auth kinds sent to the token endpoints: the grant, its scopes, the subject, the target. */
function proveServerCredentials(auth: RequestAuth, tokens: RecordedRequest[]): void {
  const scopes = "scopes" in auth ? auth.scopes : [];
  if (auth.type === "adc" || auth.type === "impersonate") {
    // The authorized_user ADC file's refresh token, exchanged at the token endpoint.
    expect(tokens[0]!.uri).toBe(TOKEN_URI);
    expect(form(tokens[0]!.body).get("grant_type")).toBe("refresh_token");
    expect(form(tokens[0]!.body).get("refresh_token")).toBe(ADC_REFRESH_TOKEN);
  }
  if (auth.type === "adc") expect(tokens).toHaveLength(1);
  if (auth.type === "serviceAccount") {
    expect(tokens).toHaveLength(1);
    const grant = form(tokens[0]!.body);
    expect(grant.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:jwt-bearer");
    const claims = verifiedClaims(grant.get("assertion")!);
    expect(claims).toMatchObject({ iss: SA_EMAIL, aud: TOKEN_URI, scope: scopes.join(" ") });
    expect(claims.sub).toBe(auth.subject);
  }
  if (auth.type === "impersonate") {
    expect(tokens).toHaveLength(2);
    const iam = tokens[1]!;
    expect(iam.uri).toBe(
      `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`,
    );
    expect(iam.headers.authorization ?? iam.headers.Authorization).toBe(`Bearer ${FAKE_TOKEN}`);
    expect(JSON.parse(iam.body!)).toMatchObject({ scope: scopes, lifetime: "3600s" });
  }
}

describe.skipIf(!haveVenv)("python snippets run verbatim with the real libraries (offline)", () => {
  for (const fx of fixtures) {
    it(fx.name, () => {
      const result = results.get(fx.name);
      expect(result, "result from prove_snippets.py").toBeDefined();
      const [first, second] = result!.runs;
      expect(first!.stderr).toBe("");
      expect(first!.build).toHaveLength(1);
      expect(first!.exit).toBe(0);
      const input = fx.input!;

      const build = first!.build[0]!;
      expect(build.serviceName).toBe(input.api.name);
      expect(build.version).toBe(input.api.version);
      expect(build.static_discovery).toBe(input.api.pythonStatic ? null : false);
      if (input.auth.type === "oauth") {
        expect(build.credentials).toBe("Credentials");
        expect(first!.flow).toHaveLength(1);
        if (input.auth.flow === "headless") {
          // the pasted address's code, exchanged with the flow's PKCE verifier; never the http:// URL itself
          expect(first!.flow[0]!.kwargs).toEqual({
            code: "fake-code",
            code_verifier: true,
            redirect_uri: "http://localhost:8080/",
            authorization_response: null,
          });
        } else expect(first!.flow[0]!.kwargs).toMatchObject({ port: 0 });
        expect([...first!.flow[0]!.scopes].sort()).toEqual([...input.auth.scopes].sort());
      } else if (input.auth.type === "apiKey" || input.auth.type === "none") {
        expect(build.credentials).toBeNull();
        expect(first!.flow).toHaveLength(0);
      } else {
        expect(build.credentials).toBe("Credentials");
        expect(first!.flow).toHaveLength(0);
        proveServerCredentials(input.auth, first!.tokens);
      }
      if (input.auth.type === "apiKey") expect(build.developerKey).toBe(FAKE_KEY);
      if (input.auth.type === "none") expect(build.http).toBe("Http");

      compare(fx, first!);

      if (fx.options.allPages === true && input.method.pageable) {
        const pages = first!.requests;
        expect(pages).toHaveLength(2);
        expect(new URL(pages[1]!.uri).searchParams.get("pageToken")).toBe("PAGE-2");
      }
      if (mediaDownloadApplies(input, fx.options)) {
        expect(first!.downloaded).toBe("hello");
      } else {
        // the headless flow prints the sign-in URL and instructions before the response
        const headless = input.auth.type === "oauth" && input.auth.flow === "headless";
        const stdout = headless ? first!.stdout.slice(first!.stdout.indexOf("\n{") + 1) : first!.stdout;
        if (headless)
          expect(first!.stdout).toMatch(/^Open this URL in a browser on any device and sign in:\nhttps:\/\//);
        expect(() => JSON.parse(stdout.split("\n{")[0]!.trim() || "{}") as unknown).not.toThrow();
      }
      if (fx.options.tokenCache === true && input.auth.type === "oauth") {
        expect(first!.files).toContain("token.json");
        // Second run: token.json is reused, no new sign-in.
        expect(second!.exit).toBe(0);
        expect(second!.flow).toHaveLength(0);
        expect(second!.requests[0]!.headers.authorization).toBe("Bearer ya29.fake-token");
      }
    });
  }
});
