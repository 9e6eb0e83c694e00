// The token endpoint's jwt-bearer grant (RFC 7523), as a service-account key file uses it: the assertion is signed
// with the key's private half; the fake verifies it with the public half and checks the claims Google checks.
// @see https://developers.google.com/identity/protocols/oauth2/service-account#httprest
import { isKnownScope } from "./consent";
import { verifyServiceAccountJwt } from "./jwt";
import type { FakeState } from "./state";
import type { TokenFail } from "./token-endpoint";
import type { ApiResponse, RecordedRequest } from "./types";

export const JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function jwtBearerGrant(
  state: FakeState,
  rec: RecordedRequest,
  form: URLSearchParams,
  fail: TokenFail,
): ApiResponse {
  rec.auth = "jwt-assertion";
  const assertion = form.get("assertion");
  if (!assertion) return fail(400, "invalid_request", "Missing required parameter: assertion");
  const v = verifyServiceAccountJwt(assertion, state.serviceAccounts);
  if (!v.ok) return fail(400, "invalid_grant", v.reason);
  const { claims, account } = v.jwt;
  // The audience is the token URI the assertion was posted to (the key file's token_uri).
  const tokenUri = `https://${rec.host}${rec.path}`;
  if (claims.aud !== tokenUri)
    return fail(400, "invalid_grant", `Invalid JWT: aud ${String(claims.aud)} != ${tokenUri}`);
  const scope = typeof claims.scope === "string" ? claims.scope.trim() : "";
  if (!scope)
    return fail(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided (no scope claim).");
  const bad = scope.split(/\s+/).filter((s) => !isKnownScope(s));
  if (bad.length) return fail(400, "invalid_scope", `Invalid OAuth scope: ${bad.join(" ")}`);
  const sub = claims.sub;
  if (sub !== undefined && (typeof sub !== "string" || !EMAIL.test(sub)))
    return fail(400, "invalid_grant", `Invalid JWT: sub ${String(sub)} is not a user's email`);
  rec.authorized = true;
  const issued = state.issue(
    {
      grantType: "jwt-bearer",
      clientId: account.email,
      clientAuth: "jwt-assertion",
      pkce: "none",
      codeVerifierSent: false,
      scope,
      principal: account.email,
      // sub = iss is the account itself, not delegation
      subject: typeof sub === "string" && sub !== account.email ? sub : undefined,
    },
    { seq: rec.seq },
  );
  return {
    json: { access_token: issued.accessToken, expires_in: state.config.lifetime, token_type: "Bearer" },
  };
}
