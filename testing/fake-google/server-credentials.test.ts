// Proves the fake Google's server-credential endpoints with the REAL libraries (google-auth 2.63 +
// google-api-python-client in .venv; googleapis 188 with its google-auth-library 11) running HAND-WRITTEN
// reference snippets (__fixtures__/server*): an authorized_user ADC file (refresh_token grant), a service-account key
// (jwt-bearer grant, RS256 verified with the public half; with and without domain-wide delegation; the
// self-signed-JWT path), impersonation through IAM Credentials generateAccessToken, and the metadata server.
// Every case asserts the exact token each API call carried and which path produced it.
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./ca";
import { runSnippet, type RunSnippetResult } from "./run-snippet";
import { authorizedUserJson, metadataServerEnv, newServiceAccountKey, TOKEN_URI } from "./server-credentials";
import {
  requestThroughFake,
  startFakeGoogle,
  type FakeGoogle,
  type IssuedToken,
  type TokenOrigin,
} from "./server";

const HAVE_VENV = existsSync(path.join(PROJECT_ROOT, ".venv", "bin", "python"));
const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), "__fixtures__");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const SNIPPETS = {
  adc: { python: fixture("server_adc_storage.py"), typescript: fixture("server-adc-storage.ts") },
  serviceAccount: {
    python: fixture("server_service_account.py"),
    typescript: fixture("server-service-account.ts"),
  },
  impersonated: { python: fixture("server_impersonated.py"), typescript: fixture("server-impersonated.ts") },
};
const LANGUAGES = ["python", "typescript"] as const;
type Language = (typeof LANGUAGES)[number];

const CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
const DIRECTORY_READONLY = "https://www.googleapis.com/auth/admin.directory.user.readonly";
const STORAGE_READ = "https://www.googleapis.com/auth/devstorage.read_only";
const VM_ACCOUNT = "fake-vm@fake-project.iam.gserviceaccount.com";
const TARGET = "target-sa@fake-project.iam.gserviceaccount.com";

let fake: FakeGoogle;

function explain(r: RunSnippetResult): string {
  return [
    `exit=${r.exitCode} timedOut=${r.timedOut} ${r.durationMs}ms runDir=${r.runDir}`,
    `--- stdout\n${r.stdout.slice(-2000)}`,
    `--- stderr\n${r.stderr.slice(-4000)}`,
    `--- problems\n${JSON.stringify(fake.problems, null, 1)}`,
    `--- records\n${fake.records.map((x) => `${x.seq} ${x.kind} ${x.status} ${x.method} ${x.url}`).join("\n")}`,
  ].join("\n");
}

function run(language: Language, code: string, files: Record<string, string>, env: Record<string, string>) {
  return runSnippet({ language, code, files, env, fake, timeoutMs: language === "python" ? 30_000 : 45_000 });
}

/** The one token of `origin` issued in this run; every API call carried exactly it; all tokens are distinct. */
function expectApiCallsCarried(origin: TokenOrigin, r: RunSnippetResult): IssuedToken {
  expect(r.exitCode, explain(r)).toBe(0);
  expect(fake.problems, explain(r)).toEqual([]);
  const ofOrigin = fake.issuedTokens.filter((t) => t.grantType === origin);
  expect(ofOrigin, explain(r)).toHaveLength(1);
  const token = ofOrigin[0] as IssuedToken;
  const api = fake.records.filter((x) => x.kind === "api");
  expect(api.length, explain(r)).toBeGreaterThan(0);
  for (const call of api) {
    expect(call.headers.authorization).toBe(`Bearer ${token.accessToken}`);
    expect(call.authorized).toBe(true);
  }
  const all = fake.issuedTokens.map((t) => t.accessToken);
  expect(new Set(all).size).toBe(all.length);
  return token;
}

beforeAll(async () => {
  fake = await startFakeGoogle({ metadataServer: { email: VM_ACCOUNT } });
});
afterAll(async () => {
  await fake?.stop();
});
beforeEach(() => fake.clearRecords());

describe.skipIf(!HAVE_VENV).each(LANGUAGES)("server credentials, real libraries, %s", (language) => {
  it("ADC from an authorized_user file: the refresh_token grant on the fake token endpoint", async () => {
    const adc = authorizedUserJson(fake);
    // An authorized_user file names no project: without GOOGLE_CLOUD_PROJECT, google-auth-library's
    // getProjectId() asks http://169.254.169.254 (the fake records that as an unmatched request).
    const r = await run(
      language,
      SNIPPETS.adc[language],
      { "adc.json": adc.json },
      { GOOGLE_APPLICATION_CREDENTIALS: "adc.json", GOOGLE_CLOUD_PROJECT: "adc-project" },
    );
    const token = expectApiCallsCarried("refresh_token", r);
    expect(token).toMatchObject({ refreshToken: adc.refreshToken, clientId: fake.clientId });
    expect(token.scope.split(" ")).toContain(CLOUD_PLATFORM);
    const tokenReq = fake.records.filter((x) => x.kind === "token");
    expect(tokenReq).toHaveLength(1);
    expect(new URLSearchParams(String(tokenReq[0]?.body)).get("grant_type")).toBe("refresh_token");
    expect(fake.records.filter((x) => x.kind === "metadata")).toEqual([]);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))) as unknown).toMatchObject({
      project: "adc-project",
    });
  });

  it("a service-account key: the JWT assertion is verified (iss, aud, scope) and exchanged", async () => {
    const key = newServiceAccountKey(fake);
    const r = await run(
      language,
      SNIPPETS.serviceAccount[language],
      { "key.json": key.json },
      {
        GOOGLE_APPLICATION_CREDENTIALS: "key.json",
      },
    );
    const token = expectApiCallsCarried("jwt-bearer", r);
    expect(token).toMatchObject({
      principal: key.email,
      clientAuth: "jwt-assertion",
      scope: DIRECTORY_READONLY,
    });
    expect(token.subject).toBeUndefined();
    const tokenReq = fake.records.find((x) => x.kind === "token");
    expect(tokenReq?.auth).toBe("jwt-assertion");
    expect(`https://${tokenReq?.host}${tokenReq?.path}`).toBe(TOKEN_URI);
  });

  it("a service-account key with domain-wide delegation: sub is the user", async () => {
    const key = newServiceAccountKey(fake);
    const r = await run(
      language,
      SNIPPETS.serviceAccount[language],
      { "key.json": key.json },
      {
        GOOGLE_APPLICATION_CREDENTIALS: "key.json",
        DELEGATED_USER: "admin@example.com",
      },
    );
    const token = expectApiCallsCarried("jwt-bearer", r);
    expect(token).toMatchObject({ principal: key.email, subject: "admin@example.com" });
  });

  it("a key whose signature the fake cannot verify: 400 invalid_grant, the snippet fails, no API call", async () => {
    const registered = newServiceAccountKey(fake);
    // same account and key id, but a different private key than the one the fake knows
    const other = newServiceAccountKey(undefined, { email: registered.email });
    const forged = JSON.parse(other.json) as Record<string, string>;
    forged.private_key_id = registered.keyId;
    const r = await run(
      language,
      SNIPPETS.serviceAccount[language],
      { "key.json": JSON.stringify(forged) },
      {
        GOOGLE_APPLICATION_CREDENTIALS: "key.json",
      },
    );
    expect(r.exitCode, explain(r)).not.toBe(0);
    expect(r.stderr + r.stdout).toMatch(/invalid_grant/);
    expect(fake.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^invalid_grant: Invalid JWT Signature/),
    ]);
    expect(fake.records.filter((x) => x.kind === "api")).toEqual([]);
    expect(fake.issuedTokens).toEqual([]);
  });

  it("impersonation: ADC source → IAM generateAccessToken with the source's token → API with the target's", async () => {
    // python: an authorized_user source; typescript: a service-account key source (both are ADC)
    const files: Record<string, string> =
      language === "python"
        ? { "adc.json": authorizedUserJson(fake).json }
        : {
            "adc.json": newServiceAccountKey(fake, {
              email: "ci-runner@fake-project.iam.gserviceaccount.com",
            }).json,
          };
    const r = await run(language, SNIPPETS.impersonated[language], files, {
      GOOGLE_APPLICATION_CREDENTIALS: "adc.json",
      TARGET_SERVICE_ACCOUNT: TARGET,
    });
    const token = expectApiCallsCarried("iam-generate-access-token", r);
    const source = fake.issuedTokens.find(
      (t) => t.grantType === (language === "python" ? "refresh_token" : "jwt-bearer"),
    );
    expect(source).toBeDefined();
    expect(token).toMatchObject({
      principal: TARGET,
      scope: STORAGE_READ,
      lifetimeSec: 600,
      sourceToken: source?.accessToken,
    });
    const iam = fake.records.filter((x) => x.kind === "iam");
    expect(iam).toHaveLength(1);
    expect(iam[0]?.headers.authorization).toBe(`Bearer ${source?.accessToken}`);
    expect(iam[0]?.path).toBe(`/v1/projects/-/serviceAccounts/${TARGET}:generateAccessToken`);
  });

  it("on Google Cloud: no file, ADC finds the metadata server (Metadata-Flavor required) and uses its token", async () => {
    const r = await run(language, SNIPPETS.adc[language], {}, metadataServerEnv(fake));
    const token = expectApiCallsCarried("metadata-server", r);
    expect(token.principal).toBe(VM_ACCOUNT);
    const md = fake.records.filter((x) => x.kind === "metadata");
    expect(
      md.every((x) => x.headers["metadata-flavor"] === "Google" && x.status === 200),
      explain(r),
    ).toBe(true);
    expect(md.map((x) => x.path)).toContain("/computeMetadata/v1/instance/service-accounts/default/token");
    // the detection ping each library does
    expect(md.map((x) => x.path)).toContain(language === "python" ? "/" : "/computeMetadata/v1/instance");
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf("{"))) as unknown).toMatchObject({
      project: "fake-project",
    });
    expect(fake.records.filter((x) => x.kind === "token")).toEqual([]);
  });
});

describe.skipIf(!HAVE_VENV)("server credentials: the self-signed JWT path", () => {
  it("python always_use_jwt_access: no exchange, the signed JWT itself is the bearer token, verified per call", async () => {
    const key = newServiceAccountKey(fake);
    const r = await run(
      "python",
      SNIPPETS.serviceAccount.python,
      { "key.json": key.json },
      {
        GOOGLE_APPLICATION_CREDENTIALS: "key.json",
        ALWAYS_USE_JWT_ACCESS: "1",
      },
    );
    const token = expectApiCallsCarried("self-signed-jwt", r);
    expect(token).toMatchObject({
      principal: key.email,
      scope: DIRECTORY_READONLY,
      clientAuth: "self-signed",
    });
    expect(token.accessToken.split(".")).toHaveLength(3);
    expect(fake.records.filter((x) => x.kind === "token")).toEqual([]);
  });
});

describe("server credentials: refusals", () => {
  it("IAM generateAccessToken refuses an unknown token and a token without an IAM scope", async () => {
    const url = `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${TARGET}:generateAccessToken`;
    const body = JSON.stringify({ scope: [STORAGE_READ], lifetime: "600s" });
    const unknown = await requestThroughFake(fake, url, {
      method: "POST",
      headers: { authorization: "Bearer ya29.not-issued", "content-type": "application/json" },
      body,
    });
    expect(unknown.status).toBe(401);
    // a token the fake issued, but for Admin SDK only
    const key = newServiceAccountKey(fake);
    expect(key.email).toMatch(/@fake-project\.iam\.gserviceaccount\.com$/);
    const narrow = fake.addUserRefreshToken({ scope: DIRECTORY_READONLY });
    const tokenRes = await requestThroughFake(fake, TOKEN_URI, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: narrow,
        client_id: fake.clientId,
        client_secret: fake.clientSecret,
      }).toString(),
    });
    expect(tokenRes.status).toBe(200);
    const accessToken = (JSON.parse(tokenRes.body) as { access_token: string }).access_token;
    const denied = await requestThroughFake(fake, url, {
      method: "POST",
      headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
      body,
    });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatch(/insufficient authentication scopes/);
    expect(fake.problems.map((p) => p.kind)).toEqual(["iam", "iam"]);
    expect(fake.issuedTokens.map((t) => t.grantType)).toEqual(["refresh_token"]);
  });

  it("the metadata server refuses a request without Metadata-Flavor: Google (403) and records it", async () => {
    const [host, port] = (fake.metadataHost ?? "").split(":");
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get(
          { host, port: Number(port), path: "/computeMetadata/v1/instance/service-accounts/default/token" },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on("error", reject);
    });
    expect(status).toBe(403);
    expect(fake.records.map((x) => [x.kind, x.status])).toEqual([["metadata", 403]]);
    expect(fake.problems.map((p) => p.kind)).toEqual(["metadata"]);
    expect(fake.issuedTokens).toEqual([]);
  });
});
