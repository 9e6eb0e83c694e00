// Verifies a JWT signed with a service-account key the fake knows (RS256, node:crypto), as Google's token
// endpoint and APIs do for jwt-bearer assertions and self-signed JWTs. Returns a reason instead of throwing, so the
// caller can answer 400 invalid_grant / 401 with it.
import { createPublicKey, verify } from "node:crypto";
import type { RegisteredServiceAccount } from "./types";

export interface VerifiedJwt {
  account: RegisteredServiceAccount;
  header: { alg?: unknown; kid?: unknown; typ?: unknown };
  claims: Record<string, unknown>;
  /** exp - iat in seconds. */
  lifetimeSec: number;
}

/** Google's maximum for an assertion or a self-signed JWT (exp - iat). */
export const MAX_JWT_LIFETIME_SEC = 3600;
/** Clock skew tolerated on iat/exp. */
const SKEW_SEC = 300;

function jsonPart(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Cheap shape test: three base64url parts whose first decodes to a JSON header with `alg`. */
export function looksLikeJwt(token: string): boolean {
  const parts = token.split(".");
  return (
    parts.length === 3 &&
    parts.every((p) => /^[\w-]*$/.test(p)) &&
    jsonPart(parts[0] ?? "")?.alg !== undefined
  );
}

/** `accounts`: each service account's registered keys (an account may have several, as at Google). */
export function verifyServiceAccountJwt(
  token: string,
  accounts: ReadonlyMap<string, readonly RegisteredServiceAccount[]>,
  nowMs = Date.now(),
): { ok: true; jwt: VerifiedJwt } | { ok: false; reason: string } {
  const [h, p, s, ...rest] = token.split(".");
  if (h === undefined || p === undefined || s === undefined || rest.length)
    return { ok: false, reason: "not a JWT (expected header.payload.signature)" };
  const header = jsonPart(h);
  const claims = jsonPart(p);
  if (!header || !claims) return { ok: false, reason: "JWT header or payload is not base64url JSON" };
  if (header.alg !== "RS256")
    return { ok: false, reason: `unsupported JWT alg ${String(header.alg)} (RS256 expected)` };
  const iss = claims.iss;
  const keys = typeof iss === "string" ? (accounts.get(iss) ?? []) : [];
  if (!keys.length)
    return { ok: false, reason: `unknown issuer ${String(iss)} (no such service account key)` };
  const candidates = header.kid === undefined ? keys : keys.filter((k) => k.keyId === header.kid);
  if (!candidates.length)
    return { ok: false, reason: `kid ${String(header.kid)} is not a key of ${String(iss)}` };
  const signedInput = Buffer.from(`${h}.${p}`, "ascii");
  const signature = Buffer.from(s, "base64url");
  const account = candidates.find((k) =>
    verify("RSA-SHA256", signedInput, createPublicKey(k.publicKeyPem), signature),
  );
  if (!account) return { ok: false, reason: `Invalid JWT Signature (not signed by a key of ${String(iss)})` };
  const { iat, exp } = claims;
  if (typeof iat !== "number" || typeof exp !== "number")
    return { ok: false, reason: "iat and exp must be numeric claims" };
  const now = nowMs / 1000;
  if (iat > now + SKEW_SEC) return { ok: false, reason: `iat ${iat} is in the future` };
  if (exp <= now - SKEW_SEC) return { ok: false, reason: `JWT expired at ${exp}` };
  if (exp - iat > MAX_JWT_LIFETIME_SEC)
    return { ok: false, reason: `exp - iat is ${exp - iat}s (at most ${MAX_JWT_LIFETIME_SEC}s)` };
  return { ok: true, jwt: { account, header, claims, lifetimeSec: exp - iat } };
}
