/**
 * The auth kinds of the request format: one AuthKind per `auth.type`, in one registry (AUTH_KINDS). A kind says
 * how its JSON is parsed (strict, clear errors), its canonical field order, what a share link keeps (a kind and
 * scope/e-mail names, never a key, a token or a path), and which of the browser's credentials Execute sends.
 * The per-target code lives in each target's auth emitters (lib/codegen/targets/<id>/auth.ts), a
 * Record<AuthKindId, …> so a kind without an emitter does not compile. Pure.
 */
import { describe, fieldPath, isPlainObject } from "./json-shape";
import type { OAuthFlow, RequestAuth } from "./types";

/** `"oauth" | "apiKey" | …`: derived from RequestAuth, the one place the kinds are spelled. */
export type AuthKindId = RequestAuth["type"];
export type AuthOf<K extends AuthKindId> = Extract<RequestAuth, { readonly type: K }>;

/** What the explorer's Execute sends for a kind: the browser's OAuth access token, the typed API key, or nothing. */
export type ExecuteCredential = "accessToken" | "apiKey" | "none";

/** The fields (besides `type`) the form asks for, in canonical order. */
export type AuthField = "scopes" | "flow" | "subject" | "serviceAccount";

/** The compact share-link form of an auth: `u` always, the other keys per kind (lib/request/share.ts). */
export type CompactAuth = { readonly u: string | readonly string[] } & Readonly<Record<string, unknown>>;

export interface AuthKind<K extends AuthKindId = AuthKindId> {
  readonly id: K;
  /** Short name for the form and messages. */
  readonly label: string;
  readonly fields: readonly AuthField[];
  readonly execute: ExecuteCredential;
  /**
   * True when the generated code signs in with credentials of the machine it runs on (ADC, a service-account key,
   * impersonation) rather than a person's: Execute in the browser then uses the browser's sign-in instead.
   */
  readonly serverCredentials: boolean;
  /** True when the code can cache a person's tokens between runs (token.json; the `tokenCache` option). */
  readonly tokenCache: boolean;
  /** Strict parse of an `auth` object whose `type` is this kind's id; problems go to `errors`. */
  parse(v: Record<string, unknown>, errors: string[]): AuthOf<K>;
  /** A fresh copy in canonical key order (optional fields only when set). */
  normalize(auth: AuthOf<K>): AuthOf<K>;
  /** Share-link keys this kind may use besides `u`. */
  readonly shareKeys: readonly string[];
  encodeShare(auth: AuthOf<K>): CompactAuth;
  /** The auth JSON for a compact form that is this kind's (then parsed strictly), or null when it is not. */
  decodeShare(c: Readonly<Record<string, unknown>>): Record<string, unknown> | null;
}

// ------------------------------------------------------------------------------------------------ fields

function unexpectedFields(v: Record<string, unknown>, allowed: readonly string[], errors: string[]): void {
  for (const k of Object.keys(v))
    if (!allowed.includes(k))
      errors.push(`${fieldPath("auth", k)} is not allowed for auth type "${String(v.type)}".`);
}

function parseScopes(v: unknown, errors: string[]): string[] {
  if (!Array.isArray(v)) {
    errors.push(`auth.scopes must be an array of scope URLs (got ${describe(v)}).`);
    return [];
  }
  return v.map((s, i) => {
    if (typeof s !== "string" || s === "") errors.push(`auth.scopes[${i}] must be a non-empty string.`);
    return typeof s === "string" ? s : "";
  });
}

/** `flow` is optional; absent means "loopback". */
function parseOAuthFlow(v: unknown, errors: string[]): OAuthFlow {
  if (v === undefined || v === "loopback") return "loopback";
  if (v === "headless") return "headless";
  const got = typeof v === "string" ? JSON.stringify(v) : describe(v);
  errors.push(`auth.flow must be "loopback" or "headless" (got ${got}).`);
  return "loopback";
}

/**
 * An e-mail address as Google accounts spell them: ASCII local part and domain, no spaces or quotes, at most
 * 254 characters. Strict on purpose: the address is written into generated code and shell commands (escaped
 * there too), and a typo is better caught here than by a 400 from the token endpoint.
 */
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
/** Service-account addresses end in gserviceaccount.com (name@project.iam…, project-number-compute@developer…). */
const SERVICE_ACCOUNT = /^[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)*gserviceaccount\.com$/;

export function emailProblem(field: string, v: unknown): string | null {
  if (typeof v !== "string" || v === "") return `${field} must be an e-mail address (got ${describe(v)}).`;
  if (v.length > 254 || !EMAIL.test(v))
    return `${field} must be an e-mail address such as user@example.com (got ${JSON.stringify(v.slice(0, 80))}).`;
  return null;
}

export function serviceAccountProblem(field: string, v: unknown): string | null {
  const email = emailProblem(field, v);
  if (email !== null) return email.replace("user@example.com", "name@project.iam.gserviceaccount.com");
  if (!SERVICE_ACCOUNT.test(v as string))
    return `${field} must be a service account's e-mail address, ending in gserviceaccount.com (got ${JSON.stringify(v)}).`;
  return null;
}

// ------------------------------------------------------------------------------------------------ kinds

/**
 * The one spelling of an OAuth auth: `flow` only when it is not the default, so a request that never named a
 * flow serialises (share links, history, downloads) exactly as before.
 */
export function oauthAuth(scopes: readonly string[], flow: OAuthFlow = "loopback"): AuthOf<"oauth"> {
  return flow === "headless" ? { type: "oauth", scopes, flow } : { type: "oauth", scopes };
}

export function serviceAccountAuth(scopes: readonly string[], subject?: string): AuthOf<"serviceAccount"> {
  return subject !== undefined && subject !== ""
    ? { type: "serviceAccount", scopes, subject }
    : { type: "serviceAccount", scopes };
}

const oauth: AuthKind<"oauth"> = {
  id: "oauth",
  label: "OAuth 2.0 (a person signs in)",
  fields: ["scopes", "flow"],
  execute: "accessToken",
  serverCredentials: false,
  tokenCache: true,
  parse(v, errors) {
    unexpectedFields(v, ["type", "scopes", "flow"], errors);
    const flow = parseOAuthFlow(v.flow, errors);
    return oauthAuth(parseScopes(v.scopes, errors), flow);
  },
  normalize: (a) => oauthAuth([...a.scopes], a.flow),
  shareKeys: ["o"],
  encodeShare: (a) => (a.flow === "headless" ? { u: a.scopes, o: "h" } : { u: a.scopes }),
  decodeShare(c) {
    if (!Array.isArray(c.u) || "t" in c) return null;
    if ("o" in c && c.o !== "h") return null;
    return { type: "oauth", scopes: c.u, ...(c.o === "h" ? { flow: "headless" } : {}) };
  },
};

const apiKey: AuthKind<"apiKey"> = {
  id: "apiKey",
  label: "API key",
  fields: [],
  execute: "apiKey",
  serverCredentials: false,
  tokenCache: false,
  parse(v, errors) {
    unexpectedFields(v, ["type"], errors);
    return { type: "apiKey" };
  },
  normalize: () => ({ type: "apiKey" }),
  shareKeys: [],
  encodeShare: () => ({ u: "k" }),
  decodeShare: (c) => (c.u === "k" ? { type: "apiKey" } : null),
};

const none: AuthKind<"none"> = {
  id: "none",
  label: "None",
  fields: [],
  execute: "none",
  serverCredentials: false,
  tokenCache: false,
  parse(v, errors) {
    unexpectedFields(v, ["type"], errors);
    return { type: "none" };
  },
  normalize: () => ({ type: "none" }),
  shareKeys: [],
  encodeShare: () => ({ u: "n" }),
  decodeShare: (c) => (c.u === "n" ? { type: "none" } : null),
};

const adc: AuthKind<"adc"> = {
  id: "adc",
  label: "Application Default Credentials",
  fields: ["scopes"],
  execute: "accessToken",
  serverCredentials: true,
  tokenCache: false,
  parse(v, errors) {
    unexpectedFields(v, ["type", "scopes"], errors);
    return { type: "adc", scopes: parseScopes(v.scopes, errors) };
  },
  normalize: (a) => ({ type: "adc", scopes: [...a.scopes] }),
  shareKeys: ["t"],
  encodeShare: (a) => ({ u: a.scopes, t: "a" }),
  decodeShare: (c) => (c.t === "a" ? { type: "adc", scopes: c.u } : null),
};

const serviceAccount: AuthKind<"serviceAccount"> = {
  id: "serviceAccount",
  label: "Service account key",
  fields: ["scopes", "subject"],
  execute: "accessToken",
  serverCredentials: true,
  tokenCache: false,
  parse(v, errors) {
    unexpectedFields(v, ["type", "scopes", "subject"], errors);
    const scopes = parseScopes(v.scopes, errors);
    if (v.subject === undefined) return serviceAccountAuth(scopes);
    const problem = emailProblem("auth.subject (the user to act as, for domain-wide delegation)", v.subject);
    if (problem !== null) errors.push(problem);
    return serviceAccountAuth(scopes, typeof v.subject === "string" ? v.subject : undefined);
  },
  normalize: (a) => serviceAccountAuth([...a.scopes], a.subject),
  shareKeys: ["t", "s"],
  encodeShare: (a) => ({ u: a.scopes, t: "s", ...(a.subject !== undefined ? { s: a.subject } : {}) }),
  decodeShare: (c) =>
    c.t === "s" ? { type: "serviceAccount", scopes: c.u, ...("s" in c ? { subject: c.s } : {}) } : null,
};

const impersonate: AuthKind<"impersonate"> = {
  id: "impersonate",
  label: "Service-account impersonation",
  fields: ["scopes", "serviceAccount"],
  execute: "accessToken",
  serverCredentials: true,
  tokenCache: false,
  parse(v, errors) {
    unexpectedFields(v, ["type", "scopes", "serviceAccount"], errors);
    const scopes = parseScopes(v.scopes, errors);
    const problem = serviceAccountProblem(
      "auth.serviceAccount (the service account to impersonate)",
      v.serviceAccount,
    );
    if (problem !== null) errors.push(problem);
    return {
      type: "impersonate",
      scopes,
      serviceAccount: typeof v.serviceAccount === "string" ? v.serviceAccount : "",
    };
  },
  normalize: (a) => ({ type: "impersonate", scopes: [...a.scopes], serviceAccount: a.serviceAccount }),
  shareKeys: ["t", "e"],
  encodeShare: (a) => ({ u: a.scopes, t: "i", e: a.serviceAccount }),
  decodeShare: (c) => (c.t === "i" ? { type: "impersonate", scopes: c.u, serviceAccount: c.e } : null),
};

/** Every kind, in the order the form and the docs list them. Adding a kind: one entry here (see lib/codegen/README.md). */
export const AUTH_KINDS: { readonly [K in AuthKindId]: AuthKind<K> } = {
  oauth,
  adc,
  serviceAccount,
  impersonate,
  apiKey,
  none,
};

export const AUTH_KIND_IDS = Object.keys(AUTH_KINDS) as AuthKindId[];

export function isAuthKindId(v: unknown): v is AuthKindId {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(AUTH_KINDS, v);
}

export function authKind<K extends AuthKindId>(id: K): AuthKind<K> {
  return AUTH_KINDS[id] as AuthKind<K>;
}

/** The scopes an auth asks for ([] for kinds without scopes). */
export function authScopes(auth: RequestAuth): readonly string[] {
  return "scopes" in auth ? auth.scopes : [];
}

const shapes = (): string =>
  `auth must be one of ${[
    '{"type":"oauth","scopes":[…]}',
    '{"type":"adc","scopes":[…]}',
    '{"type":"serviceAccount","scopes":[…],"subject"?:"user@example.com"}',
    '{"type":"impersonate","scopes":[…],"serviceAccount":"name@project.iam.gserviceaccount.com"}',
    '{"type":"apiKey"}',
    '{"type":"none"}',
  ].join(", ")}`;

/** Strict parse of `auth` (canonical.ts calls it for the request's `auth` field). */
export function parseAuth(v: unknown, errors: string[]): RequestAuth {
  if (!isPlainObject(v)) {
    errors.push(`${shapes()} (got ${describe(v)}).`);
    return { type: "none" };
  }
  if (!isAuthKindId(v.type)) {
    errors.push(`${shapes()} (auth.type is ${JSON.stringify(v.type) ?? "missing"}).`);
    return { type: "none" };
  }
  return (AUTH_KINDS[v.type] as AuthKind).parse(v, errors);
}

export function normalizeAuth(auth: RequestAuth): RequestAuth {
  return (AUTH_KINDS[auth.type] as AuthKind).normalize(auth as never);
}

export function encodeShareAuth(auth: RequestAuth): CompactAuth {
  return (AUTH_KINDS[auth.type] as AuthKind).encodeShare(auth as never);
}

/** Every compact key an auth may use in a share link. */
export const SHARE_AUTH_KEYS: readonly string[] = [
  "u",
  ...new Set(AUTH_KIND_IDS.flatMap((id) => AUTH_KINDS[id].shareKeys)),
];

/** The auth JSON a compact share form stands for (parsed strictly afterwards), or null when no kind reads it. */
export function decodeShareAuth(c: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  for (const id of AUTH_KIND_IDS) {
    const kind = AUTH_KINDS[id];
    const stray = SHARE_AUTH_KEYS.filter((k) => k !== "u" && k in c && !kind.shareKeys.includes(k));
    if (stray.length > 0) continue;
    const decoded = kind.decodeShare(c);
    if (decoded !== null) return decoded;
  }
  return null;
}
