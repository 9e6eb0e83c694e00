/**
 * The server-side auth kinds (issue 14) in the verbatim proof: what a run of an `adc` / `serviceAccount` /
 * `impersonate` snippet gets (an authorized_user ADC file, a fresh service-account key, or only the fake metadata
 * server), and the check that the credential path really happened on the fake — which grant, for whom, with which
 * scopes — and that every API call carried exactly the token it produced. Test-only.
 */
import { expect } from "vitest";

import {
  authorizedUserJson,
  metadataServerEnv,
  newServiceAccountKey,
  TOKEN_URI,
  type ServiceAccountKey,
} from "@/testing/fake-google/server-credentials";
import type { FakeGoogle, IssuedToken, RecordedRequest, TokenOrigin } from "@/testing/fake-google/server";

import type { E2eCase } from "./cases";

/** Where the generated code runs: the credentials its environment offers. */
export type ServerEnvironment =
  /** GOOGLE_APPLICATION_CREDENTIALS → an authorized_user file (gcloud auth application-default login). */
  | "adc-file"
  /** Google Cloud: no file; ADC asks the metadata server (GCE_METADATA_HOST). */
  | "metadata"
  /** GOOGLE_APPLICATION_CREDENTIALS → a service-account key (a fresh RSA key pair per run). */
  | "service-account-key";

/** The attached service account the fake metadata server hands out. */
export const VM_SERVICE_ACCOUNT = "fake-vm@fake-project.iam.gserviceaccount.com";
const CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

export interface ServerSetup {
  readonly environment: ServerEnvironment;
  readonly files: Record<string, string>;
  readonly env: Record<string, string>;
  /** adc-file: the refresh token in the file. */
  readonly refreshToken?: string;
  /** service-account-key: the key (its public half is registered with the fake). */
  readonly key?: ServiceAccountKey;
}

/** What a run left on the fake (verbatim.test.ts RunCapture has these). */
export interface ServerRun {
  readonly records: readonly RecordedRequest[];
  readonly issuedTokens: readonly IssuedToken[];
  readonly result: { readonly browserLog: readonly unknown[] };
}

type ServerAuth = Extract<E2eCase["input"]["auth"], { type: "adc" | "serviceAccount" | "impersonate" }>;

export function serverAuthOf(c: E2eCase): ServerAuth | null {
  const a = c.input.auth;
  return a.type === "adc" || a.type === "serviceAccount" || a.type === "impersonate" ? a : null;
}

/** Fresh credentials for one run (a new key, a new refresh token), in files and environment variables. */
export function prepareServerCredentials(c: E2eCase, fake: FakeGoogle): ServerSetup | null {
  const auth = serverAuthOf(c);
  if (auth === null) return null;
  if (auth.type === "serviceAccount") {
    const key = newServiceAccountKey(fake);
    return {
      environment: "service-account-key",
      files: { "service-account.json": key.json },
      env: { GOOGLE_APPLICATION_CREDENTIALS: "service-account.json" },
      key,
    };
  }
  if (auth.type === "adc" && c.serverEnvironment === "metadata")
    return { environment: "metadata", files: {}, env: metadataServerEnv(fake) };
  // An ADC login the user made with the scopes this API needs (and cloud-platform, gcloud's default), on a
  // workstation whose project is configured. google-auth-library's GoogleAuth.getClient() always looks for a
  // project (getProjectIdOptional: env, `gcloud config`, then the metadata server): with neither gcloud nor
  // GOOGLE_CLOUD_PROJECT it asks http://169.254.169.254 with retries (unmatched requests here, ~10 s).
  const adc = authorizedUserJson(fake, { scope: [CLOUD_PLATFORM, ...auth.scopes].join(" ") });
  return {
    environment: "adc-file",
    files: { "application_default_credentials.json": adc.json },
    env: {
      GOOGLE_APPLICATION_CREDENTIALS: "application_default_credentials.json",
      GOOGLE_CLOUD_PROJECT: "my-project",
    },
    refreshToken: adc.refreshToken,
  };
}

const scopeSet = (s: readonly string[]) => [...new Set(s)].sort().join(" ");

/**
 * The credential path happened as the kind and environment say; returns the access token every API call carried
 * (the comparator's `{ACCESS_TOKEN}`).
 */
export function checkServerCredentials(c: E2eCase, run: ServerRun, setup: ServerSetup, why: string): string {
  const auth = serverAuthOf(c) as ServerAuth;
  const kinds = (k: RecordedRequest["kind"]) => run.records.filter((r) => r.kind === k);
  const origins = run.issuedTokens.map((t) => t.grantType);
  const one = (origin: TokenOrigin): IssuedToken => {
    const ts = run.issuedTokens.filter((t) => t.grantType === origin);
    expect(ts.length, `${origin} tokens\n${why}`).toBe(1);
    return ts[0] as IssuedToken;
  };
  // no person in the loop: no consent screen, no browser
  expect(kinds("consent"), why).toEqual([]);
  expect(run.result.browserLog, why).toEqual([]);

  let apiToken: IssuedToken;
  if (auth.type === "impersonate") {
    // ADC source (the authorized_user file) → IAM generateAccessToken with the source's token → the target's
    expect(origins, why).toEqual(["refresh_token", "iam-generate-access-token"]);
    const source = one("refresh_token");
    expect(source.refreshToken, why).toBe(setup.refreshToken);
    apiToken = one("iam-generate-access-token");
    const iam = kinds("iam");
    expect(iam.length, why).toBe(1);
    expect(iam[0]?.headers.authorization, why).toBe(`Bearer ${source.accessToken}`);
    expect(iam[0]?.path, why).toBe(
      `/v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`,
    );
    expect(apiToken.principal, why).toBe(auth.serviceAccount);
    expect(apiToken.sourceToken, why).toBe(source.accessToken);
    expect(scopeSet(apiToken.scope.split(" ")), why).toBe(scopeSet(auth.scopes));
  } else if (setup.environment === "service-account-key") {
    expect(origins, why).toEqual(["jwt-bearer"]);
    apiToken = one("jwt-bearer");
    const tokenReqs = kinds("token");
    expect(
      tokenReqs.map((r) => [r.auth, r.status, `https://${r.host}${r.path}`]),
      why,
    ).toEqual([["jwt-assertion", 200, TOKEN_URI]]);
    expect(apiToken.principal, why).toBe(setup.key?.email);
    expect(apiToken.subject, why).toBe(auth.type === "serviceAccount" ? auth.subject : undefined);
    expect(scopeSet(apiToken.scope.split(" ")), why).toBe(scopeSet(auth.scopes));
  } else if (setup.environment === "metadata") {
    expect(origins, why).toEqual(["metadata-server"]);
    apiToken = one("metadata-server");
    expect(apiToken.principal, why).toBe(VM_SERVICE_ACCOUNT);
    expect(kinds("token"), why).toEqual([]);
    const md = kinds("metadata");
    expect(md.length, why).toBeGreaterThan(0);
    for (const m of md) {
      expect(m.headers["metadata-flavor"], why).toBe("Google");
      expect(m.status, why).toBe(200);
    }
    expect(
      md.map((m) => m.path),
      why,
    ).toContain("/computeMetadata/v1/instance/service-accounts/default/token");
  } else {
    expect(origins, why).toEqual(["refresh_token"]);
    apiToken = one("refresh_token");
    expect(apiToken.refreshToken, why).toBe(setup.refreshToken);
    expect(kinds("metadata"), why).toEqual([]);
  }
  if (setup.environment !== "metadata") expect(kinds("metadata"), why).toEqual([]);

  const api = kinds("api");
  expect(api.length, why).toBeGreaterThan(0);
  for (const a of api) {
    expect(a.headers.authorization, why).toBe(`Bearer ${apiToken.accessToken}`);
    expect(a.authorized, why).toBe(true);
  }
  const all = run.issuedTokens.map((t) => t.accessToken);
  expect(new Set(all).size, why).toBe(all.length);
  return apiToken.accessToken;
}
