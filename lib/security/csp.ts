/**
 * The Content-Security-Policy of every page. Pure. Two forms, the same rule: no inline script runs unless the
 * policy names it, no eval in production.
 *
 * - Per request (proxy.ts): a fresh nonce, which Next.js puts on its own scripts; scripts those load are trusted
 *   through 'strict-dynamic'.
 * - Per cached page (lib/page-cache): the same for every visitor, so a CDN can keep it. Each inline script the
 *   page brought is named by its SHA-256 (lib/page-cache/inline-scripts.ts: only the scripts that carried the
 *   render's one-time nonce, so an injected script is never hashed). No 'strict-dynamic' there: it would block
 *   Next's parser-inserted chunk tags and preloads, which carry no nonce once cached, and allowing them by hash
 *   needs SRI hash-matching of external scripts that Firefox and Safari lack. External scripts are 'self' only:
 *   the origin serves script solely from the build's chunks (route handlers send JSON under nosniff).
 * - connect-src: our origin (search index, sign-in hand-off) and the Google API hosts Execute calls — every
 *   Discovery document's rootUrl is on *.googleapis.com (checked across the 604 snapshot documents) — plus any
 *   hosts the deployer adds in EXPLORER_CSP_CONNECT_SRC.
 * - Styles may be inline: Monaco and React's style attributes need it, and styles cannot run code.
 * - Monaco's workers are module workers from our origin (worker-src 'self').
 * @see https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
 */
export const GOOGLE_API_CONNECT_SRC = "https://*.googleapis.com";

export interface CspOptions {
  /** Either a per-request nonce … */
  readonly nonce?: string;
  /** … or the `'sha256-…'` sources of every inline script of one cached page. */
  readonly hashes?: readonly string[];
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

const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/** The script sources that let a page's own inline scripts run: its nonce, or its hashes. */
function inlineScriptSources(o: CspOptions): string[] {
  if ((o.nonce === undefined) === (o.hashes === undefined))
    throw new Error("A CSP needs either a nonce or the inline scripts' hashes");
  if (o.nonce !== undefined) {
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(o.nonce)) throw new Error("CSP nonce must be ≥16 base64 characters");
    return [`'nonce-${o.nonce}'`];
  }
  const hashes = [...new Set(o.hashes)];
  const bad = hashes.find((h) => !HASH_SOURCE.test(h));
  if (bad !== undefined) throw new Error(`Not a 'sha256-…' source: ${bad}`);
  // No hashes would leave only 'strict-dynamic' (nothing runs): a page always has its loader at least.
  if (hashes.length === 0) throw new Error("A hash-based CSP needs at least one hash");
  return hashes;
}

export function contentSecurityPolicy(o: CspOptions): string {
  const inline = inlineScriptSources(o);
  const connect = ["'self'", GOOGLE_API_CONNECT_SRC, ...parseExtraSources(o.extraConnectSrc)];
  // Dev only: React's dev build evaluates code for better stacks, and Turbopack's HMR uses a websocket.
  if (o.dev) connect.push("ws:");
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    [
      "script-src",
      [
        "'self'",
        ...inline,
        ...(o.nonce !== undefined ? ["'strict-dynamic'"] : []),
        ...(o.dev ? ["'unsafe-eval'"] : []),
      ],
    ],
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
