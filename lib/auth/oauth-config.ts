/**
 * Sign-in configuration, read from the environment by the route handlers (server only; never sent to the
 * browser except the `SignInAvailability` summary, which holds no secret). Pure: takes the env as an argument.
 *
 * The deployer creates an OAuth client of type **Web application** in the Google Cloud console and registers
 * `<origin>/api/auth/callback` as an authorised redirect URI.
 * @see https://developers.google.com/identity/protocols/oauth2/web-server
 */

import { AUTH_CALLBACK_PATH } from "../routes";

/** Google's endpoints (the defaults). @see https://accounts.google.com/.well-known/openid-configuration */
export const GOOGLE_AUTHORIZATION_ENDPOINT = "https://accounts.google.com/o/oauth2/v2/auth";
export const GOOGLE_TOKEN_ENDPOINT = "https://oauth2.googleapis.com/token";
export const GOOGLE_REVOCATION_ENDPOINT = "https://oauth2.googleapis.com/revoke";

export interface OAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly revocationEndpoint: string;
  /**
   * The public origin of the explorer (`https://explorer.example.com`), when set: the only origin sign-in runs
   * on, so a request arriving with another Host header cannot make us send Google a foreign redirect URI.
   */
  readonly publicOrigin: string | null;
  /** Key material for the short-lived sealed cookies (EXPLORER_SESSION_SECRET, else the client secret). */
  readonly cookieSecret: string;
}

export type OAuthConfigResult =
  | { readonly ok: true; readonly config: OAuthConfig }
  | { readonly ok: false; readonly reason: "not-configured" | "invalid"; readonly message: string };

/** What the browser may know: whether sign-in works, and if not, why (no secret, no client id). */
export interface SignInAvailability {
  readonly available: boolean;
  readonly message: string;
}

export const ENV = {
  clientId: "EXPLORER_OAUTH_CLIENT_ID",
  clientSecret: "EXPLORER_OAUTH_CLIENT_SECRET",
  authorizationEndpoint: "EXPLORER_OAUTH_AUTHORIZATION_ENDPOINT",
  tokenEndpoint: "EXPLORER_OAUTH_TOKEN_ENDPOINT",
  revocationEndpoint: "EXPLORER_OAUTH_REVOCATION_ENDPOINT",
  publicOrigin: "EXPLORER_PUBLIC_ORIGIN",
  sessionSecret: "EXPLORER_SESSION_SECRET",
} as const;

type Env = Readonly<Record<string, string | undefined>>;

function endpoint(env: Env, name: string, fallback: string): string | { error: string } {
  const raw = env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `${name} is not a URL: ${raw}` };
  }
  const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback))
    return { error: `${name} must be an https URL (http only on loopback): ${raw}` };
  return url.toString();
}

export function readOAuthConfig(env: Env): OAuthConfigResult {
  const clientId = env[ENV.clientId]?.trim() ?? "";
  const clientSecret = env[ENV.clientSecret]?.trim() ?? "";
  if (clientId === "" && clientSecret === "") {
    return {
      ok: false,
      reason: "not-configured",
      message: `Sign-in is not configured on this server: set ${ENV.clientId} and ${ENV.clientSecret} (an OAuth client of type "Web application" with the redirect URI <this site>${AUTH_CALLBACK_PATH}); see the README. You can still paste an access token or use an API key.`,
    };
  }
  if (clientId === "" || clientSecret === "") {
    const missing = clientId === "" ? ENV.clientId : ENV.clientSecret;
    return { ok: false, reason: "invalid", message: `Sign-in is misconfigured: ${missing} is not set.` };
  }
  const auth = endpoint(env, ENV.authorizationEndpoint, GOOGLE_AUTHORIZATION_ENDPOINT);
  const token = endpoint(env, ENV.tokenEndpoint, GOOGLE_TOKEN_ENDPOINT);
  const revoke = endpoint(env, ENV.revocationEndpoint, GOOGLE_REVOCATION_ENDPOINT);
  for (const e of [auth, token, revoke])
    if (typeof e !== "string") return { ok: false, reason: "invalid", message: e.error };
  let publicOrigin: string | null = null;
  const rawOrigin = env[ENV.publicOrigin]?.trim();
  if (rawOrigin) {
    try {
      publicOrigin = new URL(rawOrigin).origin;
    } catch {
      return { ok: false, reason: "invalid", message: `${ENV.publicOrigin} is not a URL: ${rawOrigin}` };
    }
  }
  return {
    ok: true,
    config: {
      clientId,
      clientSecret,
      authorizationEndpoint: auth as string,
      tokenEndpoint: token as string,
      revocationEndpoint: revoke as string,
      publicOrigin,
      cookieSecret: env[ENV.sessionSecret]?.trim() || clientSecret,
    },
  };
}

export function signInAvailability(result: OAuthConfigResult): SignInAvailability {
  return result.ok
    ? { available: true, message: "Sign in with Google for the scopes you pick." }
    : { available: false, message: result.message };
}
