/**
 * The Content-Security-Policy of every page (set per request by proxy.ts with a fresh nonce). Pure.
 *
 * - Scripts: only ours, with the request's nonce (Next.js puts it on its own inline bootstrap scripts); scripts
 *   those load are trusted through 'strict-dynamic'. No inline script without the nonce, no eval in production.
 * - connect-src: our origin (search index, sign-in hand-off) and the Google API hosts Execute calls — every
 *   Discovery document's rootUrl is on *.googleapis.com (checked across the 604 snapshot documents) — plus any
 *   hosts the deployer adds in EXPLORER_CSP_CONNECT_SRC.
 * - Styles may be inline: Monaco and React's style attributes need it, and styles cannot run code.
 * - Monaco's workers are module workers from our origin (worker-src 'self').
 * @see https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const GOOGLE_API_CONNECT_SRC = "https://*.googleapis.com";

export interface CspOptions {
  readonly nonce: string;
  readonly dev: boolean;
  /** Extra connect-src sources (space- or comma-separated), e.g. a proxy in front of Google. */
  readonly extraConnectSrc?: string;
}

const SOURCE = /^(https?:\/\/[A-Za-z0-9*.-]+(:\d+)?(\/[\x21-\x7E]*)?|'self')$/;

/** Valid extra sources only: a stray `;` or `'unsafe-inline'` in the environment must not weaken the policy. */
export function parseExtraSources(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .filter((s) => SOURCE.test(s));
}

export function contentSecurityPolicy(o: CspOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error("CSP nonce must be ≥16 base64 characters");
  const connect = ["'self'", GOOGLE_API_CONNECT_SRC, ...parseExtraSources(o.extraConnectSrc)];
  // Dev only: React's dev build evaluates code for better stacks, and Turbopack's HMR uses a websocket.
  if (o.dev) connect.push("ws:");
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", ...(o.dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", connect],
    ["worker-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([k, v]) => `${k} ${v.join(" ")}`).join("; ");
}

/** Headers every response gets (next.config.js), besides the per-page CSP. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];
