// accounts.google.com/o/oauth2[/v2]/auth: the consent screen. Checks the authorization request as Google does and
// answers with a 302 to the loopback redirect_uri carrying a one-time code (see README "What the fake checks").
import { randomBytes } from "node:crypto";
import type { FakeState } from "./state";
import type { ApiResponse, ConsentGrant, RecordedRequest } from "./types";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Scopes Google accepts in a request: https://www.googleapis.com/auth/… and the OpenID Connect ones. */
export function isKnownScope(s: string): boolean {
  return (
    /^https:\/\/www\.googleapis\.com\/auth\/[\w.\-/]+$/.test(s) || ["openid", "email", "profile"].includes(s)
  );
}

export function consent(fake: FakeState, rec: RecordedRequest): ApiResponse {
  const { clientId } = fake.config;
  const q = new URLSearchParams(rec.rawQuery);
  const fail = (status: number, error: string, detail: string): ApiResponse => {
    fake.problem(rec, "consent", `${error}: ${detail}`);
    return {
      status,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<!doctype html><title>Error ${status}: ${error}</title><h1>Access blocked: Error ${status}: ${error}</h1><p>${detail.replace(/[<>&]/g, "")}</p>`,
    };
  };
  if (rec.method !== "GET")
    return fail(405, "invalid_request", `consent screen expects GET, got ${rec.method}`);
  for (const [k] of rec.query) {
    if (rec.query.filter(([k2]) => k2 === k).length > 1)
      return fail(400, "invalid_request", `repeated parameter ${k}`);
  }
  const cid = q.get("client_id");
  if (cid !== clientId)
    return fail(401, "invalid_client", `The OAuth client was not found (client_id=${cid})`);
  const redirectUri = q.get("redirect_uri");
  if (!redirectUri) return fail(400, "invalid_request", "Missing required parameter: redirect_uri");
  let ru: URL;
  try {
    ru = new URL(redirectUri);
  } catch {
    return fail(400, "invalid_request", `redirect_uri is not a URL: ${redirectUri}`);
  }
  if (ru.protocol !== "http:" || !LOOPBACK_HOSTS.has(ru.hostname) || ru.username || ru.password || ru.hash) {
    return fail(
      400,
      "redirect_uri_mismatch",
      `redirect_uri must be a loopback http://localhost or http://127.0.0.1 URL, got ${redirectUri}`,
    );
  }
  if (q.get("response_type") !== "code") {
    return fail(
      400,
      "unsupported_response_type",
      `response_type must be "code", got ${q.get("response_type")}`,
    );
  }
  const scope = (q.get("scope") ?? "").trim();
  if (!scope) return fail(400, "invalid_request", "Missing required parameter: scope");
  for (const s of scope.split(/\s+/)) {
    if (!isKnownScope(s)) {
      return fail(400, "invalid_scope", `Some requested scopes were invalid: ${s}`);
    }
  }
  const accessType = q.get("access_type") ?? undefined;
  if (accessType !== undefined && accessType !== "online" && accessType !== "offline") {
    return fail(400, "invalid_request", `Invalid access_type: ${accessType}`);
  }
  const challenge = q.get("code_challenge") ?? undefined;
  const methodRaw = q.get("code_challenge_method") ?? undefined;
  if (methodRaw !== undefined && !challenge)
    return fail(400, "invalid_request", "code_challenge_method without code_challenge");
  if (methodRaw !== undefined && methodRaw !== "S256" && methodRaw !== "plain") {
    return fail(400, "invalid_request", `Invalid code_challenge_method: ${methodRaw}`);
  }
  if (challenge && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)) {
    return fail(400, "invalid_request", `Invalid code_challenge: ${challenge}`);
  }
  const state = q.get("state") ?? undefined;
  const incremental = q.get("include_granted_scopes");
  if (incremental !== null && incremental !== "true" && incremental !== "false")
    return fail(400, "invalid_request", `Invalid include_granted_scopes: ${incremental}`);
  const already = fake.grantedByClient.get(cid) ?? new Set<string>();
  fake.grantedByClient.set(cid, already);
  for (const sc of scope.split(/\s+/)) already.add(sc);
  // Google's incremental authorization: the new grant covers everything granted before.
  const grantedScope = incremental === "true" ? [...already].join(" ") : scope;
  const code = `4/0Afake-${fake.nextId()}-${randomBytes(12).toString("base64url")}`;
  const grant: ConsentGrant = {
    code,
    clientId: cid,
    redirectUri,
    scope: grantedScope,
    state,
    codeChallenge: challenge,
    codeChallengeMethod: challenge ? ((methodRaw as "S256" | "plain" | undefined) ?? "plain") : undefined,
    accessType,
    used: false,
    seq: rec.seq,
  };
  fake.grants.push(grant);
  fake.grantsByCode.set(code, grant);
  // Google's order: state, code, scope. Echo the requested scope verbatim (oauthlib compares it as a set).
  const back = new URLSearchParams();
  if (state !== undefined) back.set("state", state);
  back.set("code", code);
  back.set("scope", grantedScope);
  const location = redirectUri + (redirectUri.includes("?") ? "&" : "?") + back.toString();
  return { status: 302, headers: { location, "content-type": "text/html; charset=utf-8" }, body: "" };
}
