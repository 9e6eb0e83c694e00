// oauth2.googleapis.com/token (and the legacy accounts.google.com/o/oauth2/token) and oauth2.googleapis.com/revoke.
// Grants: authorization_code (with PKCE), refresh_token (the user's, from a consent or an authorized_user ADC
// file), and jwt-bearer (a service-account key's assertion, verified in jwt-grant.ts).
import { createHash } from "node:crypto";
import { JWT_BEARER_GRANT, jwtBearerGrant } from "./jwt-grant";
import type { FakeState } from "./state";
import type { ApiResponse, IssuedToken, RecordedRequest } from "./types";

export type TokenFail = (status: number, error: string, description: string) => ApiResponse;

export function formOf(rec: RecordedRequest): URLSearchParams {
  return new URLSearchParams(typeof rec.body === "string" ? rec.body : rec.body.toString("utf8"));
}

/** An unsigned-looking JWT with the claims a page displays (the explorer reads only `email`). */
function fakeIdToken(clientId: string, email: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return [
    part({ alg: "RS256", kid: "fake", typ: "JWT" }),
    part({
      iss: "https://accounts.google.com",
      aud: clientId,
      sub: "1000001",
      email,
      email_verified: true,
      iat: now,
      exp: now + 3600,
    }),
    "ZmFrZS1zaWduYXR1cmU",
  ].join(".");
}

const decodeBasicPart = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
};

export function tokenEndpoint(state: FakeState, rec: RecordedRequest): ApiResponse {
  const fail: TokenFail = (status, error, description) => {
    state.problem(rec, "token", `${error}: ${description}`);
    return { status, json: { error, error_description: description } };
  };
  if (rec.method !== "POST")
    return fail(405, "invalid_request", `token endpoint expects POST, got ${rec.method}`);
  const ct = rec.headers["content-type"] ?? "";
  if (!/^application\/x-www-form-urlencoded/i.test(ct))
    return fail(400, "invalid_request", `unexpected content-type ${ct}`);
  const form = formOf(rec);
  // A service account authenticates with its signed assertion, not with a client id and secret.
  if (form.get("grant_type") === JWT_BEARER_GRANT) return jwtBearerGrant(state, rec, form, fail);

  // client authentication: HTTP Basic (client_secret_basic) or body (client_secret_post)
  const { clientId, clientSecret, lifetime } = state.config;
  let cid: string | null = null;
  let secret: string | null = null;
  let clientAuth: IssuedToken["clientAuth"];
  const basic = /^Basic\s+(\S+)$/i.exec(rec.headers.authorization ?? "");
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const i = decoded.indexOf(":");
    cid = decodeBasicPart(decoded.slice(0, i < 0 ? undefined : i));
    secret = i < 0 ? "" : decodeBasicPart(decoded.slice(i + 1));
    clientAuth = "client_secret_basic";
    rec.auth = "client_secret_basic";
    const bodyCid = form.get("client_id");
    if (bodyCid !== null && bodyCid !== cid)
      return fail(400, "invalid_request", "client_id in body differs from Basic auth");
  } else {
    cid = form.get("client_id");
    secret = form.get("client_secret");
    clientAuth = "client_secret_post";
    rec.auth = "client_secret_post";
  }
  if (cid !== clientId)
    return fail(401, "invalid_client", `The OAuth client was not found (client_id=${cid})`);
  if (secret !== clientSecret) return fail(401, "invalid_client", "Unauthorized (bad client_secret)");
  rec.authorized = true;

  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") {
    const code = form.get("code");
    const grant = code ? state.grantsByCode.get(code) : undefined;
    if (!code || !grant) return fail(400, "invalid_grant", "Malformed auth code.");
    if (grant.used) return fail(400, "invalid_grant", "Bad Request (authorization code already used)");
    if (grant.clientId !== cid) return fail(400, "invalid_grant", "code was issued to another client");
    const redirectUri = form.get("redirect_uri");
    if (redirectUri !== grant.redirectUri) {
      return fail(
        400,
        "redirect_uri_mismatch",
        `Bad Request (redirect_uri ${redirectUri} != ${grant.redirectUri})`,
      );
    }
    const verifier = form.get("code_verifier") ?? "";
    let pkce: IssuedToken["pkce"] = "none";
    if (grant.codeChallenge) {
      if (!verifier) return fail(400, "invalid_grant", "Missing code verifier.");
      const expected =
        grant.codeChallengeMethod === "S256"
          ? createHash("sha256").update(verifier, "ascii").digest().toString("base64url")
          : verifier;
      if (expected !== grant.codeChallenge) return fail(400, "invalid_grant", "Invalid code verifier.");
      pkce = grant.codeChallengeMethod ?? "plain";
    }
    grant.used = true;
    const issued = state.issue(
      {
        grantType: "authorization_code",
        clientId: cid,
        clientAuth,
        pkce,
        codeVerifierSent: verifier !== "",
        scope: grant.scope,
        redirectUri,
        code,
      },
      { seq: rec.seq, withRefresh: grant.accessType === "offline" },
    );
    const json: Record<string, unknown> = {
      access_token: issued.accessToken,
      expires_in: lifetime,
      scope: issued.scope,
      token_type: "Bearer",
    };
    if (issued.refreshToken) json.refresh_token = issued.refreshToken;
    if (/(^|\s)(openid|email)(\s|$)/.test(issued.scope))
      json.id_token = fakeIdToken(clientId, state.config.userEmail);
    return { json };
  }
  if (grantType === "refresh_token") {
    const rt = form.get("refresh_token") ?? "";
    const prev = state.refreshTokens.get(rt);
    if (!prev) return fail(400, "invalid_grant", "Token has been expired or revoked.");
    if (prev.clientId !== cid) return fail(400, "unauthorized_client", "Unauthorized");
    // The `scope` a refresh sends is not checked (as before): the migrate corpus sends one that real Google may
    // refuse (see the h-fake report); the token keeps the grant's scope.
    const issued = state.issue(
      {
        grantType: "refresh_token",
        clientId: cid,
        clientAuth,
        pkce: "none",
        codeVerifierSent: false,
        scope: prev.scope,
      },
      { seq: rec.seq, refreshToken: rt },
    );
    return {
      json: {
        access_token: issued.accessToken,
        expires_in: lifetime,
        scope: issued.scope,
        token_type: "Bearer",
      },
    };
  }
  return fail(400, "unsupported_grant_type", `Invalid grant_type: ${grantType}`);
}

/** oauth2.googleapis.com/revoke: an access token or a refresh token (which takes its access tokens with it). */
export function revoke(state: FakeState, rec: RecordedRequest): ApiResponse {
  if (rec.method !== "POST") {
    state.problem(rec, "token", `revocation endpoint expects POST, got ${rec.method}`);
    return { status: 405, json: { error: "invalid_request" } };
  }
  const tok = formOf(rec).get("token") ?? "";
  if (rec.query.some(([k]) => k === "token")) state.problem(rec, "token", "token sent in the revocation URL");
  const access = state.accessTokens.get(tok);
  const refresh = access?.refreshToken ?? (state.refreshTokens.has(tok) ? tok : undefined);
  if (!access && !refresh)
    return { status: 400, json: { error: "invalid_token", error_description: "Token expired or revoked" } };
  if (access) {
    state.accessTokens.delete(access.accessToken);
    state.revokedTokens.push(access.accessToken);
  }
  if (refresh) {
    state.refreshTokens.delete(refresh);
    for (const t of [...state.accessTokens.values()]) {
      if (t.refreshToken !== refresh) continue;
      state.accessTokens.delete(t.accessToken);
      if (!access) state.revokedTokens.push(t.accessToken);
    }
  }
  rec.authorized = true;
  return { json: {} };
}
