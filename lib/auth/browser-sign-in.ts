/**
 * The browser half of "Sign in with Google" (see oauth-flow.ts for the server half): opens the sign-in window,
 * waits for it to report, collects the token with a same-origin POST, and signs out by revoking. The token is
 * returned to the caller, which keeps it in memory only.
 */
import { AUTH_REVOKE_PATH, AUTH_SESSION_PATH, AUTH_START_PATH } from "../routes";
import type { TokenSession } from "./oauth-flow";

const CHANNEL = "explorer-auth";
/** The user may take a while on Google's consent screen. */
const SIGN_IN_TIMEOUT_MS = 10 * 60_000;

interface DoneMessage {
  readonly type: "explorer-auth-done";
  readonly flow: string;
  readonly ok: boolean;
  readonly message: string;
}

function isDone(data: unknown, flow: string): data is DoneMessage {
  return (
    typeof data === "object" &&
    data !== null &&
    (data as DoneMessage).type === "explorer-auth-done" &&
    (data as DoneMessage).flow === flow
  );
}

function newFlowId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A same-origin JSON POST to our auth routes (the browser adds the Origin header they check). */
function postJson(path: string, body: object): Promise<Response> {
  return fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
}

export class SignInError extends Error {}

function isTokenSession(v: unknown): v is TokenSession {
  const o = v as TokenSession | null;
  return (
    typeof o === "object" &&
    o !== null &&
    typeof o.accessToken === "string" &&
    typeof o.expiresAt === "number" &&
    Array.isArray(o.scopes) &&
    (o.email === null || typeof o.email === "string")
  );
}

/** Opens the sign-in window for `scopes` (plus openid/email) and resolves with the token once Google agreed. */
export async function signInWithPopup(
  scopes: readonly string[],
  signal?: AbortSignal,
): Promise<TokenSession> {
  const flow = newFlowId();
  const url = new URL(AUTH_START_PATH, window.location.origin);
  url.searchParams.set("flow", flow);
  for (const s of scopes) url.searchParams.append("scope", s);
  const popup = window.open(url.toString(), `explorer-sign-in-${flow}`, "popup,width=520,height=680");
  if (popup === null)
    throw new SignInError(
      "The browser blocked the sign-in window. Allow pop-ups for this site and try again.",
    );

  const done = await new Promise<DoneMessage>((resolve, reject) => {
    const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
    const finish = () => {
      channel?.close();
      window.removeEventListener("message", onWindowMessage);
      window.clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };
    const accept = (data: unknown) => {
      if (!isDone(data, flow)) return;
      finish();
      resolve(data);
    };
    const onWindowMessage = (e: MessageEvent) => {
      if (e.origin === window.location.origin) accept(e.data);
    };
    const onAbort = () => {
      finish();
      reject(new SignInError("Sign-in cancelled."));
    };
    const timer = window.setTimeout(() => {
      finish();
      reject(new SignInError("Sign-in timed out. Try again."));
    }, SIGN_IN_TIMEOUT_MS);
    if (channel !== null) channel.onmessage = (e) => accept(e.data);
    window.addEventListener("message", onWindowMessage);
    signal?.addEventListener("abort", onAbort);
  });
  if (!done.ok) throw new SignInError(done.message || "Sign-in failed.");

  const res = await postJson(AUTH_SESSION_PATH, { flow });
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok || !isTokenSession(json)) {
    const why = (json as { error?: unknown } | null)?.error;
    throw new SignInError(
      typeof why === "string" ? why : `Collecting the sign-in failed (HTTP ${res.status}).`,
    );
  }
  return json;
}

/** Revokes the token at Google (through our route: the revocation endpoint is configured server-side). */
export async function revokeSignIn(token: string): Promise<{ ok: boolean; message: string }> {
  try {
    const res = await postJson(AUTH_REVOKE_PATH, { token });
    if (res.ok) return { ok: true, message: "Signed out; Google revoked the token." };
    const json = (await res.json().catch(() => null)) as { error?: unknown } | null;
    return {
      ok: false,
      message: `Signed out here, but revoking the token failed: ${typeof json?.error === "string" ? json.error : `HTTP ${res.status}`}.`,
    };
  } catch {
    return {
      ok: false,
      message: "Signed out here, but the explorer's server could not be reached to revoke the token.",
    };
  }
}
