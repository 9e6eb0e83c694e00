/**
 * Share-state: an ExplorerRequest as a compact, URL-safe, deterministic string (for `?s=` / `#s=` links), and
 * back. Pure; browser and Node (TextEncoder, btoa/atob).
 *
 * Format (version 1): `1.` + base64url (RFC 4648 §5, no padding) of the UTF-8 of the minified JSON of
 *   { a: api, v: version, m: method, p?: params, b?: body, u: auth, f?: media, r?: revision }
 * - `p` is omitted when there are no params, `b` when the body is null, `f`/`r` when absent.
 * - `u` (auth): `"n"` none, `"k"` apiKey, or the array of OAuth scopes (oauth), each scope written
 *   `~label` when it starts with https://www.googleapis.com/auth/, `!scope` when it starts with `~` or `!`,
 *   else verbatim.
 * - `o` (OAuth flow): `"h"` for `auth.flow` "headless"; omitted for the default loopback flow (so older links
 *   and links without a flow are the same).
 * - `t` (server auth kinds, lib/request/auth-kinds.ts): `"a"` adc, `"s"` serviceAccount (with `s`: the subject,
 *   when delegated), `"i"` impersonate (with `e`: the service account's e-mail); `u` then holds their scopes.
 * - `f` (media): `{ n: fileName, t?: mimeType }`.
 * Key order of params and body is kept, so decode(encode(r)) equals r exactly (after secret stripping); call
 * normalizeRequest first for links that are equal whenever the requests are.
 *
 * Format version 2 (encodeShareStateCompressed): `2.` + base64url of the raw DEFLATE (RFC 1951, fflate, level 9)
 * of the same UTF-8 JSON. Links use it when version 1 would make the URL too long (lib/workbench/url-state.ts);
 * the decoder reads both, and inflates at most MAX_SHARE_JSON_BYTES (a small link cannot expand into a huge one).
 *
 * Secrets: the parameters in SECRET_PARAM_NAMES (`key`, `access_token`, `oauth_token`, `id_token`) are removed
 * before encoding, and again after decoding. Auth is only ever a type and scope names, never a credential.
 * The body is user content and is shared as-is.
 */
import { deflateSync, inflateSync } from "fflate";

import { decodeShareAuth, encodeShareAuth, SHARE_AUTH_KEYS } from "./auth-kinds";
import { parseExplorerRequest, stripSecretParams } from "./canonical";
import { SCOPE_URL_PREFIX } from "../auth/scopes";
import { fromBase64Url, toBase64Url } from "../encoding/base64url";
import type { ExplorerRequest, JsonValue } from "./types";

export const SHARE_STATE_VERSION = "1";
/** The deflated format (see the module comment). */
export const SHARE_STATE_VERSION_COMPRESSED = "2";
/** Longest accepted share string (characters); longer input is rejected without decoding. */
export const MAX_SHARE_STATE_LENGTH = 64 * 1024;
/** Largest JSON a version-2 string may inflate to (bytes); more is rejected as damaged. */
export const MAX_SHARE_JSON_BYTES = 1024 * 1024;

export type DecodeShareResult =
  { readonly ok: true; readonly value: ExplorerRequest } | { readonly ok: false; readonly error: string };

// ------------------------------------------------------------------------------------------------ scopes

function packScope(scope: string): string {
  if (scope.startsWith(SCOPE_URL_PREFIX)) return "~" + scope.slice(SCOPE_URL_PREFIX.length);
  if (scope.startsWith("~") || scope.startsWith("!")) return "!" + scope;
  return scope;
}

function unpackScope(packed: string): string {
  if (packed.startsWith("~")) return SCOPE_URL_PREFIX + packed.slice(1);
  if (packed.startsWith("!")) return packed.slice(1);
  return packed;
}

// ------------------------------------------------------------------------------------------------ encode

/** The UTF-8 of the compact JSON of `req` minus secret parameters (the payload of every version). */
function compactJsonBytes(req: ExplorerRequest): Uint8Array {
  const safe = stripSecretParams(req);
  const compact: Record<string, unknown> = { a: safe.api, v: safe.version, m: safe.method };
  if (Object.keys(safe.params).length > 0) compact.p = safe.params;
  if (safe.body !== null) compact.b = safe.body;
  const auth = encodeShareAuth(safe.auth);
  for (const [k, v] of Object.entries(auth))
    compact[k] = k === "u" && Array.isArray(v) ? v.map(packScope) : v;
  if (safe.media)
    compact.f =
      safe.media.mimeType !== undefined
        ? { n: safe.media.fileName, t: safe.media.mimeType }
        : { n: safe.media.fileName };
  if (safe.revision !== undefined) compact.r = safe.revision;
  // JSON.stringify escapes lone surrogates (\udxxx), so the UTF-8 step is lossless.
  return new TextEncoder().encode(JSON.stringify(compact));
}

/** Encodes `req` (minus secret parameters) as a version-1 share string. Deterministic. */
export function encodeShareState(req: ExplorerRequest): string {
  return `${SHARE_STATE_VERSION}.${toBase64Url(compactJsonBytes(req))}`;
}

/** Encodes `req` (minus secret parameters) as a version-2 (deflated) share string. Deterministic. */
export function encodeShareStateCompressed(req: ExplorerRequest): string {
  return `${SHARE_STATE_VERSION_COMPRESSED}.${toBase64Url(deflateSync(compactJsonBytes(req), { level: 9 }))}`;
}

// ------------------------------------------------------------------------------------------------ decode

const COMPACT_KEYS = new Set(["a", "v", "m", "p", "b", ...SHARE_AUTH_KEYS, "f", "r"]);

function expand(
  compact: unknown,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  if (typeof compact !== "object" || compact === null || Array.isArray(compact)) {
    return { ok: false, error: "The share link does not contain a request." };
  }
  const c = compact as Record<string, unknown>;
  const unknown = Object.keys(c).filter((k) => !COMPACT_KEYS.has(k));
  if (unknown.length > 0)
    return { ok: false, error: `The share link has unknown fields: ${unknown.join(", ")}.` };

  if ("o" in c && (c.o !== "h" || !Array.isArray(c.u) || "t" in c))
    return { ok: false, error: "The share link has an invalid OAuth flow field." };
  const scopes = Array.isArray(c.u) && c.u.every((s): s is string => typeof s === "string");
  if (Array.isArray(c.u) && !scopes) return { ok: false, error: "The share link has an invalid auth field." };
  const auth = decodeShareAuth(scopes ? { ...c, u: (c.u as string[]).map(unpackScope) } : c);
  if (auth === null) return { ok: false, error: "The share link has an invalid auth field." };

  const out: Record<string, unknown> = {
    api: c.a,
    version: c.v,
    method: c.m,
    params: "p" in c ? c.p : {},
    body: "b" in c ? c.b : null,
    auth,
  };
  if ("f" in c) {
    const f = c.f;
    if (typeof f !== "object" || f === null || Array.isArray(f))
      return { ok: false, error: "The share link has an invalid media field." };
    const { n, t, ...rest } = f as Record<string, unknown>;
    if (Object.keys(rest).length > 0)
      return { ok: false, error: "The share link has an invalid media field." };
    out.media = t === undefined ? { fileName: n } : { fileName: n, mimeType: t };
  }
  if ("r" in c) out.revision = c.r;
  return { ok: true, value: out };
}

/**
 * Decodes a share string. Fails with one sentence for: unknown version, bad base64url/UTF-8/JSON, a structure
 * that is not a valid request (parseExplorerRequest's messages), or input over MAX_SHARE_STATE_LENGTH.
 * Secret parameters in a crafted link are dropped.
 */
export function decodeShareState(s: string): DecodeShareResult {
  if (s.length > MAX_SHARE_STATE_LENGTH) return { ok: false, error: "The share link is too long." };
  const dot = s.indexOf(".");
  if (dot === -1) return { ok: false, error: "The share link is not in a known format (missing version)." };
  const version = s.slice(0, dot);
  if (version !== SHARE_STATE_VERSION && version !== SHARE_STATE_VERSION_COMPRESSED) {
    return {
      ok: false,
      error: `The share link uses format version ${JSON.stringify(version)}, which this explorer does not know.`,
    };
  }
  const raw = fromBase64Url(s.slice(dot + 1));
  if (raw === null) return { ok: false, error: "The share link is damaged (invalid base64url)." };
  const bytes = version === SHARE_STATE_VERSION ? raw : inflateBounded(raw);
  if (bytes === null) return { ok: false, error: "The share link is damaged (invalid compressed data)." };
  if (bytes.length > MAX_SHARE_JSON_BYTES) return { ok: false, error: "The share link is too long." };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return { ok: false, error: "The share link is damaged (invalid UTF-8 or JSON)." };
  }
  const expanded = expand(json);
  if (!expanded.ok) return expanded;
  const parsed = parseExplorerRequest(expanded.value);
  if (!parsed.ok)
    return { ok: false, error: `The share link holds an invalid request: ${parsed.errors.join(" ")}` };
  return { ok: true, value: stripSecretParams(parsed.value) };
}

/**
 * Raw DEFLATE → bytes, into a buffer one byte larger than MAX_SHARE_JSON_BYTES (fflate truncates to the buffer),
 * so an over-long result shows as length > MAX and a deflate bomb costs at most that much memory. Null when the
 * data is not valid DEFLATE.
 */
function inflateBounded(data: Uint8Array): Uint8Array | null {
  try {
    return inflateSync(data, { out: new Uint8Array(MAX_SHARE_JSON_BYTES + 1) });
  } catch {
    return null;
  }
}

/** For tests and docs: the compact JSON inside a share string of either version (no validation). */
export function shareStatePayload(s: string): JsonValue | null {
  const raw = fromBase64Url(s.slice(s.indexOf(".") + 1));
  const bytes =
    raw === null ? null : s.startsWith(`${SHARE_STATE_VERSION_COMPRESSED}.`) ? inflateBounded(raw) : raw;
  if (bytes === null) return null;
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as JsonValue;
  } catch {
    return null;
  }
}
