// Fake IAM Credentials: POST iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/{email}:generateAccessToken,
// what google-auth's impersonated_credentials and google-auth-library's Impersonated call. The caller's bearer
// token must be one the fake issued (the source credentials) with a scope IAM accepts.
// @see https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken
import { isKnownScope } from "./consent";
import { googleError } from "./responses";
import type { FakeState } from "./state";
import type { ApiResponse, RecordedRequest } from "./types";

export const IAM_HOST = "iamcredentials.googleapis.com";
const GENERATE = /^\/v1\/projects\/-\/serviceAccounts\/([^/]+):generateAccessToken$/;
const SERVICE_ACCOUNT = /^[a-z][\w-]{4,61}@[\w-]+\.iam\.gserviceaccount\.com$/;
/** Scopes that let a token call IAM Credentials. */
const IAM_SCOPES = ["https://www.googleapis.com/auth/cloud-platform", "https://www.googleapis.com/auth/iam"];
/** Without the org policy constraints/iam.allowServiceAccountCredentialLifetimeExtension, 1 h is the maximum. */
const MAX_LIFETIME_SEC = 3600;

/** RFC 3339 without fractional seconds: google-auth parses it with strptime("%Y-%m-%dT%H:%M:%SZ"). */
function expireTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function isIamRequest(rec: RecordedRequest): boolean {
  return rec.host === IAM_HOST;
}

export function iamCredentials(state: FakeState, rec: RecordedRequest): ApiResponse {
  rec.kind = "iam";
  const fail = (code: number, status: string, message: string): ApiResponse => {
    state.problem(rec, "iam", `${status}: ${message}`);
    return { status: code, json: { error: { code, message, status } } };
  };
  const m = GENERATE.exec(rec.path);
  if (!m?.[1] || rec.method !== "POST")
    return fail(
      404,
      "NOT_FOUND",
      `the fake IAM Credentials serves only POST …:generateAccessToken, not ${rec.method} ${rec.path}`,
    );
  const target = decodeURIComponent(m[1]);
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(rec.headers.authorization ?? "")?.[1];
  rec.auth = bearer ? "bearer" : "none";
  rec.bearerToken = bearer;
  const source = bearer ? state.accessTokens.get(bearer) : undefined;
  if (!source || source.expiresAt <= Date.now()) {
    const r = googleError(
      401,
      "UNAUTHENTICATED",
      "authError",
      "Request had invalid authentication credentials.",
    );
    state.problem(
      rec,
      "iam",
      `generateAccessToken without a valid issued bearer token (${bearer ? "unknown token" : "none"})`,
    );
    return r;
  }
  rec.tokenScopes = source.scope.split(/\s+/).filter(Boolean);
  if (!rec.tokenScopes.some((s) => IAM_SCOPES.includes(s)))
    return fail(
      403,
      "PERMISSION_DENIED",
      `Request had insufficient authentication scopes (source token has ${source.scope}).`,
    );
  if (!SERVICE_ACCOUNT.test(target))
    return fail(400, "INVALID_ARGUMENT", `Invalid service account email: ${target}`);
  let body: { scope?: unknown; lifetime?: unknown; delegates?: unknown };
  try {
    body = JSON.parse(typeof rec.body === "string" ? rec.body : rec.body.toString("utf8")) as typeof body;
  } catch {
    return fail(400, "INVALID_ARGUMENT", "the request body is not JSON");
  }
  const scopes = Array.isArray(body.scope)
    ? body.scope.filter((s): s is string => typeof s === "string")
    : [];
  if (!scopes.length || scopes.length !== (body.scope as unknown[]).length)
    return fail(400, "INVALID_ARGUMENT", "scope must be a non-empty list of strings");
  const unknown = scopes.filter((s) => !isKnownScope(s));
  if (unknown.length) return fail(400, "INVALID_ARGUMENT", `Invalid scopes: ${unknown.join(" ")}`);
  let lifetimeSec = MAX_LIFETIME_SEC;
  if (body.lifetime !== undefined) {
    const lm = typeof body.lifetime === "string" ? /^(\d+)(?:\.\d+)?s$/.exec(body.lifetime) : null;
    if (!lm?.[1])
      return fail(
        400,
        "INVALID_ARGUMENT",
        `lifetime must be a duration like "3600s", got ${JSON.stringify(body.lifetime)}`,
      );
    lifetimeSec = Number(lm[1]);
    if (lifetimeSec < 1 || lifetimeSec > MAX_LIFETIME_SEC)
      return fail(400, "INVALID_ARGUMENT", `lifetime ${lifetimeSec}s is outside 1s..${MAX_LIFETIME_SEC}s`);
  }
  const delegates = Array.isArray(body.delegates) ? body.delegates.map(String) : [];
  rec.authorized = true;
  const issued = state.issue(
    {
      grantType: "iam-generate-access-token",
      clientId: target,
      clientAuth: "bearer",
      pkce: "none",
      codeVerifierSent: false,
      scope: scopes.join(" "),
      principal: target,
      sourceToken: source.accessToken,
      lifetimeSec,
      delegates,
    },
    { seq: rec.seq, lifetimeSec },
  );
  return { json: { accessToken: issued.accessToken, expireTime: expireTime(issued.expiresAt) } };
}
