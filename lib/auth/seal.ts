/**
 * Sealed values for short-lived cookies: AES-256-GCM (WebCrypto) with a key derived by HKDF-SHA-256 from the
 * server's secret, bound to a purpose string, with an expiry inside the sealed payload. The browser can neither
 * read nor forge them. Format: base64url(iv ‖ ciphertext‖tag).
 */

import { fromBase64Url, toBase64Url } from "../encoding/base64url";

const IV_BYTES = 12;

export function randomBase64Url(bytes: number): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function key(secret: string, purpose: string): Promise<CryptoKey> {
  const enc = new TextEncoder();
  const base = await crypto.subtle.importKey("raw", enc.encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: enc.encode("google-api-explorer"), info: enc.encode(purpose) },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

interface Envelope<T> {
  readonly exp: number;
  readonly v: T;
}

export async function seal<T>(
  secret: string,
  purpose: string,
  value: T,
  ttlMs: number,
  now: number,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = new TextEncoder().encode(
    JSON.stringify({ exp: now + ttlMs, v: value } satisfies Envelope<T>),
  );
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await key(secret, purpose), plain),
  );
  const out = new Uint8Array(IV_BYTES + cipher.length);
  out.set(iv);
  out.set(cipher, IV_BYTES);
  return toBase64Url(out);
}

export type Unsealed<T> = { ok: true; value: T } | { ok: false; why: "malformed" | "forged" | "expired" };

/** The sealed value, or why not. The caller validates the shape of `value`. */
export async function unseal<T>(
  secret: string,
  purpose: string,
  sealed: string,
  now: number,
): Promise<Unsealed<T>> {
  const bytes = fromBase64Url(sealed);
  if (bytes === null || bytes.length <= IV_BYTES + 16) return { ok: false, why: "malformed" };
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: bytes.slice(0, IV_BYTES) },
      await key(secret, purpose),
      bytes.slice(IV_BYTES),
    );
  } catch {
    return { ok: false, why: "forged" };
  }
  let env: Envelope<T>;
  try {
    env = JSON.parse(new TextDecoder().decode(plain)) as Envelope<T>;
  } catch {
    return { ok: false, why: "malformed" };
  }
  if (typeof env.exp !== "number" || env.exp < now) return { ok: false, why: "expired" };
  return { ok: true, value: env.v };
}

/** PKCE S256 challenge of a verifier. @see https://datatracker.ietf.org/doc/html/rfc7636#section-4.2 */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return toBase64Url(new Uint8Array(digest));
}
