/**
 * What a response means for the user, in plain words: the body decoded (JSON / text / bytes), Google's error
 * fields extracted, and an explanation with the way out for 401, 403-insufficient-scope and network failures.
 * Pure.
 * @see https://cloud.google.com/apis/design/errors (the error shape: error.code/message/status/errors/details)
 */
import { scopeLabel } from "../auth/scopes";
import { authKind, type AuthKindId } from "../request/auth-kinds";
import type { ExecutionResult } from "./execute";

export type DecodedBody =
  | { readonly kind: "empty" }
  | { readonly kind: "json"; readonly value: unknown; readonly text: string }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "binary"; readonly size: number };

const TEXTUAL = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

export function decodeBody(contentType: string, bytes: Uint8Array): DecodedBody {
  if (bytes.length === 0) return { kind: "empty" };
  const looksJson = /json/i.test(contentType) || contentType === "";
  if (!TEXTUAL.test(contentType) && !looksJson) return { kind: "binary", size: bytes.length };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { kind: "binary", size: bytes.length };
  }
  if (looksJson) {
    try {
      return { kind: "json", value: JSON.parse(text) as unknown, text };
    } catch {
      /* not JSON after all */
    }
  }
  return { kind: "text", text };
}

/** A file extension for a downloaded body: `application/pdf` → `pdf`, unknown → `bin`. */
export function extensionFor(contentType: string): string {
  const mime = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (/json/.test(mime)) return "json";
  if (mime === "text/plain") return "txt";
  if (/[/+]xml$/.test(mime)) return "xml";
  const sub = /^[a-z]+\/([a-z0-9]{1,8})$/.exec(mime)?.[1];
  return sub !== undefined && sub !== "octet" ? sub : "bin";
}

export interface GoogleError {
  readonly code?: number;
  readonly message?: string;
  readonly status?: string;
  /** errors[].reason and details[ErrorInfo].reason */
  readonly reasons: readonly string[];
  /** ErrorInfo metadata (e.g. activationUrl for a disabled API). */
  readonly metadata: Readonly<Record<string, string>>;
}

export function googleError(body: DecodedBody): GoogleError | null {
  if (body.kind !== "json" || typeof body.value !== "object" || body.value === null) return null;
  const e = (body.value as { error?: unknown }).error;
  if (typeof e !== "object" || e === null) return null;
  const o = e as Record<string, unknown>;
  const reasons: string[] = [];
  const metadata: Record<string, string> = {};
  if (Array.isArray(o.errors))
    for (const x of o.errors) {
      const r = (x as { reason?: unknown } | null)?.reason;
      if (typeof r === "string") reasons.push(r);
    }
  if (Array.isArray(o.details))
    for (const d of o.details) {
      if (typeof d !== "object" || d === null) continue;
      const r = (d as { reason?: unknown }).reason;
      if (typeof r === "string") reasons.push(r);
      const m = (d as { metadata?: unknown }).metadata;
      if (typeof m === "object" && m !== null)
        for (const [k, v] of Object.entries(m)) if (typeof v === "string") metadata[k] = v;
    }
  return {
    ...(typeof o.code === "number" ? { code: o.code } : {}),
    ...(typeof o.message === "string" ? { message: o.message } : {}),
    ...(typeof o.status === "string" ? { status: o.status } : {}),
    reasons,
    metadata,
  };
}

/** `scope="a b"` of a `WWW-Authenticate: Bearer …, error="insufficient_scope"` header (RFC 6750 §3). */
export function scopesFromWwwAuthenticate(header: string | undefined): string[] {
  if (header === undefined || !/insufficient_scope/i.test(header)) return [];
  const m = /scope="([^"]*)"/i.exec(header);
  return m?.[1] ? m[1].split(/\s+/).filter(Boolean) : [];
}

export type Action = "sign-in" | "grant-scopes" | "use-curl" | "check-api-key";

export interface Explanation {
  readonly tone: "ok" | "error";
  readonly title: string;
  readonly detail: string;
  readonly actions: readonly Action[];
  /** Scopes to ask for (grant-scopes). */
  readonly scopesToGrant: readonly string[];
}

export interface ExplainContext {
  readonly authType: AuthKindId;
  /** The method's scopes (any one suffices). */
  readonly methodScopes: readonly string[];
  /** The scopes the current token was granted, when known (sign-in); null for a pasted token. */
  readonly grantedScopes: readonly string[] | null;
  /** The narrowest suggested scope(s) of the method. */
  readonly suggestedScopes: readonly string[];
}

function list(scopes: readonly string[]): string {
  return scopes.map(scopeLabel).join(", ");
}

export function explainResult(result: ExecutionResult, ctx: ExplainContext): Explanation {
  const none = { actions: [] as Action[], scopesToGrant: [] as string[] };
  if (result.kind === "network-error") {
    return {
      tone: "error",
      title: `The browser could not complete the request to ${result.host}`,
      detail:
        `The browser reported "${result.message}" and, for safety, does not say why. Usually the network is down, ` +
        "the host refused the connection, an extension blocked it, or the API does not accept calls from web pages " +
        "(CORS). The cURL tab runs exactly this request from a terminal.",
      actions: ["use-curl"],
      scopesToGrant: [],
    };
  }
  const body = decodeBody(result.contentType, result.bytes);
  const g = googleError(body);
  const said = g?.message ? ` Google said: “${g.message}”` : "";
  if (result.status >= 200 && result.status < 300)
    return { tone: "ok", title: `${result.status} ${result.statusText || "OK"}`, detail: "", ...none };

  if (result.status === 401) {
    if (authKind(ctx.authType).execute === "accessToken")
      return {
        tone: "error",
        title: "401 — the access token was not accepted",
        detail: `The token is missing, expired or revoked. Sign in again (or paste a fresh token) and run the request again.${said}`,
        actions: ["sign-in"],
        scopesToGrant: [],
      };
    return {
      tone: "error",
      title: "401 — this request needs credentials",
      detail: `${ctx.methodScopes.length > 0 ? "This method needs OAuth: pick OAuth 2.0 under Credentials and sign in." : "Google wants credentials for this call."}${said}`,
      actions: ctx.methodScopes.length > 0 ? ["sign-in"] : [],
      scopesToGrant: [],
    };
  }

  const header = result.headers.find(([k]) => k === "www-authenticate")?.[1];
  const headerScopes = scopesFromWwwAuthenticate(header);
  const insufficientScope =
    result.status === 403 &&
    (headerScopes.length > 0 ||
      g?.reasons.includes("ACCESS_TOKEN_SCOPE_INSUFFICIENT") === true ||
      g?.reasons.includes("insufficientPermissions") === true ||
      /insufficient (authentication )?scopes/i.test(g?.message ?? ""));
  if (insufficientScope) {
    const granted = ctx.grantedScopes;
    const missing =
      headerScopes.length > 0
        ? headerScopes
        : granted !== null && !ctx.methodScopes.some((s) => granted.includes(s))
          ? ctx.suggestedScopes
          : [];
    const named =
      headerScopes.length > 0
        ? `Google says the call needs ${headerScopes.length > 1 ? "one of" : ""} ${list(headerScopes)}.`
        : `This method accepts any one of: ${list(ctx.methodScopes)}.`;
    const has =
      granted !== null ? ` Your token was granted: ${granted.length > 0 ? list(granted) : "no scopes"}.` : "";
    return {
      tone: "error",
      title: "403 — the token lacks a scope this call needs",
      detail: `${named}${has} Sign in again adding the scope (you stay signed in; Google adds it to what you granted).${said}`,
      actions: ["grant-scopes"],
      scopesToGrant: missing.length > 0 ? missing : ctx.suggestedScopes,
    };
  }
  if (g?.metadata.activationUrl)
    return {
      tone: "error",
      title: `${result.status} — the API is not enabled for this project`,
      detail: `Enable it at ${g.metadata.activationUrl} and retry in a few minutes.${said}`,
      ...none,
    };
  if (ctx.authType === "apiKey" && /api key/i.test(g?.message ?? ""))
    return {
      tone: "error",
      title: `${result.status} — the API key was refused`,
      detail: said.trim(),
      actions: ["check-api-key"],
      scopesToGrant: [],
    };
  return {
    tone: "error",
    title: `${result.status} ${result.statusText || g?.status || ""}`.trim(),
    detail: said.trim(),
    ...none,
  };
}
