/** Writes lib/auth CookieSpecs as Set-Cookie headers (HttpOnly always: no script may read these). */
import { readCappedText } from "../http/read-capped";
import type { CookieSpec } from "./oauth-flow";

export function setCookieHeader(c: CookieSpec): string {
  const parts = [
    `${c.name}=${c.value}`,
    `Path=${c.path}`,
    `Max-Age=${c.maxAge}`,
    "HttpOnly",
    `SameSite=${c.sameSite === "strict" ? "Strict" : "Lax"}`,
  ];
  if (c.secure) parts.push("Secure");
  return parts.join("; ");
}

export function withCookies(res: Response, cookies: readonly CookieSpec[]): Response {
  for (const c of cookies) res.headers.append("set-cookie", setCookieHeader(c));
  return res;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (header === null) return undefined;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Every auth answer: never cached, never shown in a referrer. */
export const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" } as const;

/**
 * The URL the browser used. Next.js's `request.url` names the server's own hostname (e.g. `localhost` when the
 * browser came to 127.0.0.1), and cookies are per host, so the redirect URI must come from the Host header. A
 * deployment reachable under foreign Host headers sets EXPLORER_PUBLIC_ORIGIN (oauth-config.ts), which then wins.
 */
export function browserUrl(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  if (host !== null && /^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)) url.host = host;
  if (proto === "http" || proto === "https") url.protocol = `${proto}:`;
  return url.toString();
}

/** The JSON object a route was POSTed, or {} (then the flow's own checks reject the missing fields). */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  try {
    const v: unknown = await request.json();
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The auth routes' bodies are a flow id or a token: a few hundred bytes. Anything near this is not ours. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

/**
 * Like readJsonObject, but reads at most `maxBytes` (declared or streamed) and says so instead of buffering a
 * 50 MB body. Call it only after the same-origin check, so a foreign page cannot make the server read at all.
 */
export async function readSmallJsonObject(
  request: Request,
  maxBytes: number = MAX_AUTH_BODY_BYTES,
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; status: 413; message: string }> {
  const tooLarge = {
    ok: false,
    status: 413,
    message: `The request body is larger than ${maxBytes} bytes.`,
  } as const;
  const read = await readCappedText(request, maxBytes);
  if (!read.ok) return tooLarge;
  const text = read.text;
  try {
    const v: unknown = JSON.parse(text);
    const value =
      typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    return { ok: true, value };
  } catch {
    return { ok: true, value: {} };
  }
}
