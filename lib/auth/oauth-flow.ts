/**
 * The server half of "Sign in with Google": authorization-code flow with PKCE (S256) and `state`, the code
 * exchange with the client secret, the one-time hand-off of the token to the page, and revocation. The route
 * handlers in app/api/auth are thin wrappers; everything here takes the request URL, cookies, a clock and a
 * `fetch` as arguments, so the unit tests drive it without a server.
 *
 * Why this shape:
 * - The client secret stays here: the browser never does the code exchange.
 * - `state`, the PKCE verifier and the redirect URI travel in a sealed, HttpOnly cookie scoped to the callback
 *   path (no server-side session store, so any instance can finish a flow).
 * - The token reaches the page without touching a URL, page HTML or storage: the callback seals it into a second
 *   HttpOnly cookie (2 minutes, scoped to /api/auth/session) and the page that started the flow collects it once
 *   with a same-origin POST, which clears the cookie.
 * - Incremental authorization: `include_granted_scopes=true`, so asking later for one more scope returns a token
 *   for everything granted so far. @see https://developers.google.com/identity/protocols/oauth2/web-server#incrementalAuth
 */
import { AUTH_CALLBACK_PATH, AUTH_SESSION_PATH } from "../routes";
import type { OAuthConfig } from "./oauth-config";
import { fromBase64Url } from "../encoding/base64url";
import { pkceChallenge, randomBase64Url, seal, unseal } from "./seal";

export const STATE_COOKIE = "explorer_oauth_state";
export const HANDOFF_COOKIE = "explorer_oauth_handoff";
const STATE_TTL_MS = 10 * 60_000;
const HANDOFF_TTL_MS = 2 * 60_000;
const EXCHANGE_TIMEOUT_MS = 15_000;
/** Always asked for, so the page can say who is signed in (the id_token's `email`). */
export const IDENTITY_SCOPES = ["openid", "email"] as const;

export interface CookieSpec {
  readonly name: string;
  /** "" with maxAge 0 deletes the cookie. */
  readonly value: string;
  readonly path: string;
  readonly maxAge: number;
  readonly secure: boolean;
  readonly sameSite: "lax" | "strict";
}

export type Failure = { readonly ok: false; readonly status: number; readonly message: string };

/** A signed-in user's token, as handed to the page (memory only there). */
export interface TokenSession {
  readonly accessToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  /** The scopes Google granted (space-separated `scope` of the token response), sorted. */
  readonly scopes: readonly string[];
  /** From the id_token, when Google sent one. */
  readonly email: string | null;
}

interface SealedState {
  readonly state: string;
  readonly verifier: string;
  readonly redirectUri: string;
  readonly flow: string;
}

interface SealedHandoff {
  readonly flow: string;
  readonly session: TokenSession;
}

const FLOW_ID = /^[A-Za-z0-9_-]{8,64}$/;
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
const SCOPE = /^(https:\/\/[\x21-\x7E]+|openid|email|profile)$/;
const MAX_SCOPES = 50;

function fail(status: number, message: string): Failure {
  return { ok: false, status, message };
}

/**
 * The origin sign-in runs on: the configured public origin, and the request must have arrived on it. Without
 * one, the request's own origin (then the deployment must not be reachable under foreign Host headers).
 */
function ownOrigin(config: OAuthConfig, requestUrl: URL): string | Failure {
  if (config.publicOrigin !== null && requestUrl.origin !== config.publicOrigin)
    return fail(400, `Sign-in runs only on ${config.publicOrigin}, not on ${requestUrl.origin}.`);
  return requestUrl.origin;
}

function cookie(name: string, value: string, path: string, maxAgeMs: number, secure: boolean): CookieSpec {
  return { name, value, path, maxAge: Math.floor(maxAgeMs / 1000), secure, sameSite: "lax" };
}

export function clearCookie(name: string, path: string, secure: boolean): CookieSpec {
  return { name, value: "", path, maxAge: 0, secure, sameSite: "lax" };
}

// ---- start -------------------------------------------------------------------------------------------------

export interface StartInput {
  readonly config: OAuthConfig;
  readonly requestUrl: string;
  readonly now: number;
}

/** GET /api/auth/start?flow=<id>&scope=<url>&scope=<url>… → redirect to the authorization endpoint. */
export async function startSignIn(
  input: StartInput,
): Promise<{ ok: true; location: string; cookie: CookieSpec } | Failure> {
  const url = new URL(input.requestUrl);
  const origin = ownOrigin(input.config, url);
  if (typeof origin !== "string") return origin;
  const flow = url.searchParams.get("flow") ?? "";
  if (!FLOW_ID.test(flow)) return fail(400, "The sign-in request has no valid flow id.");
  const asked = url.searchParams.getAll("scope").flatMap((s) => s.split(/\s+/).filter(Boolean));
  if (asked.length === 0) return fail(400, "Pick at least one OAuth scope to sign in for.");
  if (asked.length > MAX_SCOPES) return fail(400, `At most ${MAX_SCOPES} scopes can be requested at once.`);
  const bad = asked.find((s) => !SCOPE.test(s));
  if (bad !== undefined) return fail(400, `Not an OAuth scope: ${bad.slice(0, 200)}`);

  const verifier = randomBase64Url(48); // 64 characters of the RFC 7636 alphabet
  const state = randomBase64Url(24);
  const redirectUri = origin + AUTH_CALLBACK_PATH;
  const sealed = await seal<SealedState>(
    input.config.cookieSecret,
    STATE_COOKIE,
    { state, verifier, redirectUri, flow },
    STATE_TTL_MS,
    input.now,
  );
  const scopes = [...new Set([...IDENTITY_SCOPES, ...asked])];
  const authorize = new URL(input.config.authorizationEndpoint);
  authorize.searchParams.set("client_id", input.config.clientId);
  authorize.searchParams.set("redirect_uri", redirectUri);
  authorize.searchParams.set("response_type", "code");
  authorize.searchParams.set("scope", scopes.join(" "));
  authorize.searchParams.set("state", state);
  authorize.searchParams.set("code_challenge", await pkceChallenge(verifier));
  authorize.searchParams.set("code_challenge_method", "S256");
  authorize.searchParams.set("include_granted_scopes", "true");
  authorize.searchParams.set("access_type", "online");
  return {
    ok: true,
    location: authorize.toString(),
    cookie: cookie(STATE_COOKIE, sealed, AUTH_CALLBACK_PATH, STATE_TTL_MS, url.protocol === "https:"),
  };
}

// ---- callback ----------------------------------------------------------------------------------------------

export interface CallbackInput {
  readonly config: OAuthConfig;
  readonly requestUrl: string;
  /** The STATE_COOKIE value, if the browser sent one. */
  readonly stateCookie: string | undefined;
  readonly now: number;
  readonly fetch: typeof fetch;
}

export type CallbackResult =
  | { ok: true; flow: string; session: TokenSession; cookies: readonly CookieSpec[] }
  | (Failure & { flow: string | null; cookies: readonly CookieSpec[] });

function isSealedState(v: unknown): v is SealedState {
  if (typeof v !== "object" || v === null) return false;
  const o = v as Record<string, unknown>;
  return (
    typeof o.state === "string" &&
    typeof o.redirectUri === "string" &&
    typeof o.flow === "string" &&
    (o.verifier === undefined || typeof o.verifier === "string")
  );
}

/** GET /api/auth/callback?code=…&state=… — checks everything, then exchanges the code. */
export async function completeSignIn(input: CallbackInput): Promise<CallbackResult> {
  const url = new URL(input.requestUrl);
  const secure = url.protocol === "https:";
  // The state cookie is single-use: cleared whatever happens next.
  const clearState = clearCookie(STATE_COOKIE, AUTH_CALLBACK_PATH, secure);
  const failure = (status: number, message: string, flow: string | null = null): CallbackResult => ({
    ...fail(status, message),
    flow,
    cookies: [clearState],
  });

  if (input.stateCookie === undefined || input.stateCookie === "")
    return failure(400, "The sign-in session is missing or has expired. Start the sign-in again.");
  const opened = await unseal<unknown>(input.config.cookieSecret, STATE_COOKIE, input.stateCookie, input.now);
  if (!opened.ok)
    return failure(
      400,
      opened.why === "expired"
        ? "The sign-in took too long and expired. Start it again."
        : "The sign-in session cookie is not valid. Start the sign-in again.",
    );
  if (!isSealedState(opened.value)) return failure(400, "The sign-in session cookie is not valid.");
  const sealed = opened.value;

  const state = url.searchParams.get("state");
  if (state === null || state !== sealed.state)
    return failure(
      400,
      "The sign-in answer does not match this sign-in (bad state). Start again.",
      sealed.flow,
    );

  const origin = ownOrigin(input.config, url);
  if (typeof origin !== "string") return failure(origin.status, origin.message, sealed.flow);
  const expectedRedirect = origin + AUTH_CALLBACK_PATH;
  if (sealed.redirectUri !== expectedRedirect || url.origin + url.pathname !== expectedRedirect)
    return failure(
      400,
      `The sign-in was started for another redirect URI (${sealed.redirectUri}), not ${expectedRedirect}.`,
      sealed.flow,
    );

  if (sealed.verifier === undefined || !VERIFIER.test(sealed.verifier))
    return failure(400, "The sign-in session has no PKCE code verifier. Start again.", sealed.flow);

  const error = url.searchParams.get("error");
  if (error !== null) {
    const why = error === "access_denied" ? "You declined the consent screen." : `Google answered: ${error}.`;
    return failure(400, `Sign-in did not complete. ${why}`.slice(0, 300), sealed.flow);
  }
  const code = url.searchParams.get("code");
  if (code === null || code === "") return failure(400, "The sign-in answer has no code.", sealed.flow);

  const exchanged = await exchangeCode(input, code, sealed.redirectUri, sealed.verifier);
  if (!exchanged.ok) return failure(exchanged.status, exchanged.message, sealed.flow);
  const handoff = await seal<SealedHandoff>(
    input.config.cookieSecret,
    HANDOFF_COOKIE,
    { flow: sealed.flow, session: exchanged.session },
    HANDOFF_TTL_MS,
    input.now,
  );
  return {
    ok: true,
    flow: sealed.flow,
    session: exchanged.session,
    cookies: [clearState, cookie(HANDOFF_COOKIE, handoff, AUTH_SESSION_PATH, HANDOFF_TTL_MS, secure)],
  };
}

async function exchangeCode(
  input: CallbackInput,
  code: string,
  redirectUri: string,
  verifier: string,
): Promise<{ ok: true; session: TokenSession } | Failure> {
  const form = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    client_id: input.config.clientId,
    client_secret: input.config.clientSecret,
    code_verifier: verifier,
  });
  let res: Response;
  try {
    res = await input.fetch(input.config.tokenEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: form.toString(),
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (err) {
    const why = err instanceof Error && err.name === "TimeoutError" ? "timed out" : "could not be reached";
    return fail(502, `The token endpoint ${input.config.tokenEndpoint} ${why}.`);
  }
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = await res.json();
    if (typeof parsed === "object" && parsed !== null) json = parsed as Record<string, unknown>;
  } catch {
    /* handled below */
  }
  if (!res.ok) {
    const e = typeof json.error === "string" ? json.error : `HTTP ${res.status}`;
    const d = typeof json.error_description === "string" ? `: ${json.error_description}` : "";
    return fail(502, `The token endpoint refused the code (${e}${d}).`.slice(0, 400));
  }
  const accessToken = json.access_token;
  if (typeof accessToken !== "string" || accessToken === "")
    return fail(502, "The token endpoint answered without an access token.");
  const expiresIn = typeof json.expires_in === "number" ? json.expires_in : 3600;
  const scopes = typeof json.scope === "string" ? json.scope.split(/\s+/).filter(Boolean).sort() : [];
  return {
    ok: true,
    session: {
      accessToken,
      expiresAt: input.now + expiresIn * 1000,
      scopes,
      email: typeof json.id_token === "string" ? emailFromIdToken(json.id_token) : null,
    },
  };
}

/**
 * The `email` claim of an ID token received directly from the token endpoint over TLS, which OpenID Connect
 * allows using without checking the signature. Display only.
 * @see https://openid.net/specs/openid-connect-core-1_0.html#IDTokenValidation (point 6)
 */
export function emailFromIdToken(idToken: string): string | null {
  const payload = idToken.split(".")[1];
  if (payload === undefined) return null;
  const bytes = fromBase64Url(payload);
  if (bytes === null) return null;
  try {
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const email = (claims as { email?: unknown }).email;
    return typeof email === "string" ? email.slice(0, 320) : null;
  } catch {
    return null;
  }
}

// ---- hand-off ----------------------------------------------------------------------------------------------

/**
 * A POST from a page of this origin: the Origin header must name our origin (browsers send it on every POST),
 * so other sites cannot drive these endpoints. @see https://fetch.spec.whatwg.org/#origin-header
 */
export function checkSameOrigin(
  config: OAuthConfig,
  requestUrl: string,
  originHeader: string | null,
): Failure | null {
  const url = new URL(requestUrl);
  const origin = ownOrigin(config, url);
  if (typeof origin !== "string") return origin;
  if (originHeader !== origin) return fail(403, "Cross-origin requests are not accepted here.");
  return null;
}

export interface HandoffInput {
  readonly config: OAuthConfig;
  readonly requestUrl: string;
  readonly originHeader: string | null;
  readonly handoffCookie: string | undefined;
  readonly flow: unknown;
  readonly now: number;
}

/** POST /api/auth/session {flow} → the token, once. */
export async function collectHandoff(
  input: HandoffInput,
): Promise<({ ok: true; session: TokenSession } | Failure) & { cookies: readonly CookieSpec[] }> {
  const secure = new URL(input.requestUrl).protocol === "https:";
  const cookies = [clearCookie(HANDOFF_COOKIE, AUTH_SESSION_PATH, secure)];
  const cross = checkSameOrigin(input.config, input.requestUrl, input.originHeader);
  if (cross !== null) return { ...cross, cookies: [] };
  if (typeof input.flow !== "string" || !FLOW_ID.test(input.flow))
    return { ...fail(400, "No valid flow id."), cookies: [] };
  if (input.handoffCookie === undefined || input.handoffCookie === "")
    return { ...fail(404, "No sign-in is waiting to be collected (it may have expired)."), cookies };
  const opened = await unseal<SealedHandoff>(
    input.config.cookieSecret,
    HANDOFF_COOKIE,
    input.handoffCookie,
    input.now,
  );
  if (!opened.ok) return { ...fail(404, "The sign-in hand-off expired or is not valid."), cookies };
  // Another tab's flow: leave its cookie alone.
  if (opened.value.flow !== input.flow)
    return { ...fail(409, "The waiting sign-in belongs to another window."), cookies: [] };
  return { ok: true, session: opened.value.session, cookies };
}

// ---- revocation --------------------------------------------------------------------------------------------

/**
 * POST /api/auth/revoke {token} → Google's revocation endpoint (form body, never the URL).
 * @see https://developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke
 */
export async function revokeToken(input: {
  readonly config: OAuthConfig;
  readonly requestUrl: string;
  readonly originHeader: string | null;
  readonly token: unknown;
  readonly fetch: typeof fetch;
}): Promise<{ ok: true } | Failure> {
  const cross = checkSameOrigin(input.config, input.requestUrl, input.originHeader);
  if (cross !== null) return cross;
  if (typeof input.token !== "string" || !/^[\x21-\x7E]{1,4096}$/.test(input.token))
    return fail(400, "No valid token to revoke.");
  let res: Response;
  try {
    res = await input.fetch(input.config.revocationEndpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: input.token }).toString(),
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch {
    return fail(502, `The revocation endpoint ${input.config.revocationEndpoint} could not be reached.`);
  }
  // Google answers 400 invalid_token for a token that is already revoked or expired: it is gone either way.
  if (res.ok) return { ok: true };
  let error = `HTTP ${res.status}`;
  try {
    const j = (await res.json()) as { error?: unknown };
    if (typeof j.error === "string") error = j.error;
  } catch {
    /* keep the status */
  }
  if (error === "invalid_token") return { ok: true };
  return fail(502, `The revocation endpoint refused (${error}).`);
}
