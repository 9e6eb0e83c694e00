// What an API request must carry: a Bearer token the fake issued (unexpired), a self-signed JWT of a known
// service-account key, or the configured API key — unless the handler is anonymous. Sets rec.auth/authorized.
import { looksLikeJwt, verifyServiceAccountJwt } from "./jwt";
import { googleError } from "./responses";
import type { FakeState } from "./state";
import type { ApiResponse, IssuedToken, RecordedRequest } from "./types";

function unauthenticated(reason: string, message: string, wwwAuthenticate: string): ApiResponse {
  const r = googleError(401, "UNAUTHENTICATED", reason, message, {
    location: "Authorization",
    locationType: "header",
  });
  r.headers = { "www-authenticate": wwwAuthenticate };
  return r;
}

const INVALID_CREDENTIALS =
  "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";

/**
 * A self-signed JWT (google-auth-library's JWTAccess, google-auth's jwt.Credentials): iss = sub = the account,
 * and either `aud` = the API's origin `https://{host}/` or a `scope` claim. Recorded once as an issued token.
 * @see https://google.aip.dev/auth/4111
 */
function selfSignedJwt(state: FakeState, rec: RecordedRequest, token: string): IssuedToken | string {
  const v = verifyServiceAccountJwt(token, state.serviceAccounts);
  if (!v.ok) return v.reason;
  const { claims, account, lifetimeSec } = v.jwt;
  if (claims.sub !== account.email)
    return `self-signed JWT: sub ${String(claims.sub)} != iss ${account.email}`;
  const scope = typeof claims.scope === "string" ? claims.scope.trim() : "";
  const audience = typeof claims.aud === "string" ? claims.aud : undefined;
  if (!scope && audience !== `https://${rec.host}/`)
    return `self-signed JWT: aud ${String(claims.aud)} is not https://${rec.host}/ and there is no scope claim`;
  const seen = state.issuedTokens.find((t) => t.accessToken === token);
  if (seen) return seen;
  const issued: IssuedToken = {
    accessToken: token,
    grantType: "self-signed-jwt",
    clientId: account.email,
    clientAuth: "self-signed",
    pkce: "none",
    codeVerifierSent: false,
    scope,
    principal: account.email,
    audience: scope ? undefined : audience,
    lifetimeSec,
    seq: rec.seq,
    expiresAt: Number(claims.exp) * 1000,
  };
  state.issuedTokens.push(issued);
  return issued;
}

/** Returns an error response when the request must be rejected, else undefined. */
export function checkCredentials(
  state: FakeState,
  rec: RecordedRequest,
  anonymousOk: boolean,
): ApiResponse | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(rec.headers.authorization ?? "");
  const key = rec.query.find(([k]) => k === "key")?.[1] ?? rec.headers["x-goog-api-key"];
  if (bearer?.[1]) {
    rec.auth = "bearer";
    rec.bearerToken = bearer[1];
    const t = state.accessTokens.get(bearer[1]);
    if (t && t.expiresAt > Date.now()) {
      rec.authorized = true;
      rec.tokenScopes = t.scope.split(/\s+/).filter(Boolean);
      return undefined;
    }
    let why = `unknown or expired access token ${bearer[1].slice(0, 24)}…`;
    if (!t && looksLikeJwt(bearer[1])) {
      const self = selfSignedJwt(state, rec, bearer[1]);
      if (typeof self !== "string") {
        rec.authorized = true;
        rec.tokenScopes = self.scope.split(/\s+/).filter(Boolean);
        return undefined;
      }
      why = self;
    }
    if (anonymousOk) return undefined;
    state.problem(rec, "unauthorized", why);
    return unauthenticated(
      "authError",
      INVALID_CREDENTIALS,
      'Bearer realm="https://accounts.google.com/", error="invalid_token"',
    );
  }
  if (key !== undefined) {
    rec.auth = "api-key";
    if (key === state.config.apiKey) {
      rec.authorized = true;
      return undefined;
    }
    if (anonymousOk) return undefined;
    state.problem(rec, "unauthorized", `invalid API key ${key}`);
    return googleError(
      400,
      "INVALID_ARGUMENT",
      "badRequest",
      "API key not valid. Please pass a valid API key.",
    );
  }
  if (anonymousOk) return undefined;
  state.problem(rec, "unauthorized", "request without credentials (no Authorization: Bearer, no key)");
  return unauthenticated(
    "required",
    "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    'Bearer realm="https://accounts.google.com/"',
  );
}
