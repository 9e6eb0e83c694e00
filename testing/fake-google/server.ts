// The fake Google: a mockttp TLS-intercepting HTTPS proxy that plays accounts.google.com (consent screen),
// oauth2.googleapis.com (token endpoint), the Discovery service and any *.googleapis.com API host.
// Snippets reach it through HTTPS_PROXY and trust it through the test CA (see ca.ts, run-snippet.ts).
// Every request is recorded; anything the fake does not understand becomes a `problems` entry, and a passing
// run must leave `problems` empty.
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import path from "node:path";
import { getLocal, type CompletedRequest, type Mockttp } from "mockttp";
import { ensureTestCa, PROJECT_ROOT } from "./ca";
import { parseMultipart, type UploadPart } from "./multipart";

export const FAKE_CLIENT_ID = "1234567890-fakeclient.apps.googleusercontent.com";
export const FAKE_CLIENT_SECRET = "GOCSPX-fake-client-secret";
export const FAKE_API_KEY = "AIzaFakeApiKey-for-tests-000000000000";

export type RequestKind = "consent" | "token" | "revoke" | "api" | "discovery" | "preflight" | "unmatched";

export type { UploadPart } from "./multipart";

export interface RecordedUpload {
  /** `uploadType` query parameter: "multipart" | "media" | "resumable" (or whatever the client sent). */
  uploadType: string;
  /** multipart: [metadata, media]; media: [media]; resumable: [metadata?] on the initial POST, [media] on the PUT. */
  parts: UploadPart[];
  /** Resumable uploads only: the session id the fake handed out. */
  sessionId?: string;
  /** Resumable uploads only: "start" (initial POST) or "data" (the bytes). */
  phase?: "start" | "data";
}

export interface RecordedRequest {
  /** Arrival order, starting at 1 for each fake. */
  seq: number;
  /** Date.now() when the request arrived. */
  time: number;
  host: string;
  method: string;
  path: string;
  /** Everything after "?" exactly as sent ("" if none). */
  rawQuery: string;
  /** Ordered, decoded (+ and %XX) query pairs. */
  query: [string, string][];
  url: string;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Text bodies (JSON, form, text/*, empty) as string; anything else (multipart, media) as Buffer. */
  body: string | Buffer;
  kind: RequestKind;
  /**
   * api/discovery: carried a valid issued Bearer token or the configured API key.
   * token: the client authenticated correctly. consent/unmatched: false.
   */
  authorized: boolean;
  /** How the request authenticated (or tried to). */
  auth: "bearer" | "api-key" | "client_secret_basic" | "client_secret_post" | "none";
  /** The access token presented (api/discovery with Bearer). */
  bearerToken?: string;
  /** The scopes of that token, when it is a valid issued one. */
  tokenScopes?: string[];
  /** Status the fake answered with. */
  status: number;
  /** Name of the per-test handler that answered, if any. */
  handler?: string;
  upload?: RecordedUpload;
}

export interface Problem {
  seq?: number;
  kind: "unmatched" | "consent" | "token" | "unauthorized" | "handler" | "upload";
  message: string;
  url?: string;
}

export interface ConsentGrant {
  code: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  codeChallenge?: string;
  /** As requested; Google's default when a challenge is given without a method is "plain". */
  codeChallengeMethod?: "S256" | "plain";
  accessType?: string;
  used: boolean;
  /** seq of the consent request. */
  seq: number;
}

export interface IssuedToken {
  accessToken: string;
  refreshToken?: string;
  grantType: "authorization_code" | "refresh_token";
  clientId: string;
  clientAuth: "client_secret_basic" | "client_secret_post";
  /** PKCE check applied at the exchange: S256/plain = verified against the consent's challenge. */
  pkce: "S256" | "plain" | "none";
  /** Whether the token request carried a non-empty code_verifier. */
  codeVerifierSent: boolean;
  scope: string;
  redirectUri?: string;
  /** The authorization code exchanged (authorization_code grant). */
  code?: string;
  /** seq of the token request. */
  seq: number;
  expiresAt: number;
}

export interface ApiResponse {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body (sets content-type application/json). */
  json?: unknown;
  /** Raw body (string or bytes). */
  body?: string | Buffer;
}

export interface ApiHandlerSpec {
  /** Shown in records (`handler`). */
  name?: string;
  /** Exact hostname or pattern; default: any API host. A string host is also registered as an API host. */
  host?: string | RegExp;
  /** HTTP method (case-insensitive); default any. */
  method?: string;
  /** Exact path (no query) or pattern tested against the path. */
  path: string | RegExp;
  /** Allow requests without credentials (they are still checked and recorded when present). */
  anonymous?: boolean;
  /** Answer without CORS headers (a browser then sees a network error), as some Google endpoints do. */
  noCors?: boolean;
  handle: (req: RecordedRequest) => ApiResponse | Promise<ApiResponse>;
}

export interface FakeGoogleOptions {
  clientId?: string;
  clientSecret?: string;
  apiKey?: string;
  /** Extra non-googleapis.com hosts to serve as API hosts. */
  apiHosts?: string[];
  /** Folder of `{name}.{version}.json` Discovery documents; default: the venv's googleapiclient snapshot. */
  discoveryDir?: string;
  /** Access-token lifetime in seconds (expires_in). Default 3599. */
  tokenLifetimeSec?: number;
  /** Listen on this port (default: any free port). */
  port?: number;
  /** The signed-in user's email (id_token `email` claim when openid/email is asked for). */
  userEmail?: string;
}

export interface FakeGoogle {
  /** http://127.0.0.1:<port> — use as HTTPS_PROXY. */
  proxyUrl: string;
  port: number;
  /** PEM file of the CA the proxy signs with. */
  caPath: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  records: RecordedRequest[];
  problems: Problem[];
  issuedTokens: IssuedToken[];
  grants: ConsentGrant[];
  /** Access tokens revoked through the revocation endpoint. */
  revokedTokens: string[];
  addApiHandler(spec: ApiHandlerSpec): void;
  /** Empties records, problems, issuedTokens and grants (issued tokens and unused codes stay valid). */
  clearRecords(): void;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Response helpers for per-test handlers

/** N pages of `items`, linked by nextPageToken ("page-2", "page-3", …); reads `pageToken` from the query. */
export function pagedResponse(opts: {
  pages: number;
  itemsPerPage?: number;
  kind?: string;
  item?: (page: number, index: number) => unknown;
}): (req: RecordedRequest) => ApiResponse {
  const perPage = opts.itemsPerPage ?? 2;
  return (req) => {
    const token = req.query.find(([k]) => k === "pageToken")?.[1];
    const page = token === undefined ? 1 : Number(/^page-(\d+)$/.exec(token)?.[1] ?? NaN);
    if (!Number.isInteger(page) || page < 1 || page > opts.pages) {
      return googleError(
        400,
        "INVALID_ARGUMENT",
        "invalidPageToken",
        `The page token ${token} is not valid.`,
      );
    }
    const items = Array.from({ length: perPage }, (_, i) =>
      opts.item ? opts.item(page, i) : { kind: "fake#item", id: `item-${page}-${i + 1}` },
    );
    const json: Record<string, unknown> = { kind: opts.kind ?? "fake#listResponse", items };
    if (page < opts.pages) json.nextPageToken = `page-${page + 1}`;
    return { json };
  };
}

/** Fixed media bytes (for `alt=media` / `*_media` downloads). */
export function mediaResponse(
  bytes: Buffer | string,
  contentType = "application/octet-stream",
): () => ApiResponse {
  return () => ({ headers: { "content-type": contentType }, body: bytes });
}

/** A Google-style JSON error response. */
export function googleError(
  code: number,
  status: string,
  reason: string,
  message: string,
  extra?: object,
): ApiResponse {
  return {
    status: code,
    json: { error: { code, message, errors: [{ message, domain: "global", reason, ...extra }], status } },
  };
}

// ---------------------------------------------------------------------------------------------------------------

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function defaultDiscoveryDir(): string | undefined {
  const lib = path.join(PROJECT_ROOT, ".venv", "lib");
  try {
    for (const py of readdirSync(lib)) {
      if (!py.startsWith("python3")) continue;
      const dir = path.join(lib, py, "site-packages", "googleapiclient", "discovery_cache", "documents");
      try {
        readdirSync(dir);
        return dir;
      } catch {
        /* next */
      }
    }
  } catch {
    /* no venv */
  }
  return undefined;
}

function isTextContentType(ct: string | undefined): boolean {
  if (!ct) return true;
  return /json|x-www-form-urlencoded|^text\/|xml|javascript/i.test(ct);
}

function flatHeaders(h: CompletedRequest["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

function token(prefix: string): string {
  return prefix + randomBytes(18).toString("base64url");
}

function base64url(buf: Buffer): string {
  return buf.toString("base64url");
}

/** An unsigned-looking JWT with the claims a page displays (the explorer reads only `email`). */
function fakeIdToken(clientId: string, email: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return [
    part({ alg: "RS256", kid: "fake", typ: "JWT" }),
    part({
      iss: "https://accounts.google.com",
      aud: clientId,
      sub: "1000001",
      email,
      email_verified: true,
      iat: now,
      exp: now + 3600,
    }),
    "ZmFrZS1zaWduYXR1cmU",
  ].join(".");
}

function preflightHeaders(rec: RecordedRequest): Record<string, string> {
  return {
    "access-control-allow-origin": rec.headers.origin ?? "*",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
    "access-control-allow-headers": rec.headers["access-control-request-headers"] ?? "",
    "access-control-max-age": "3600",
    vary: "Origin",
  };
}

export async function startFakeGoogle(opts: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const clientId = opts.clientId ?? FAKE_CLIENT_ID;
  const clientSecret = opts.clientSecret ?? FAKE_CLIENT_SECRET;
  const apiKey = opts.apiKey ?? FAKE_API_KEY;
  const lifetime = opts.tokenLifetimeSec ?? 3599;
  const userEmail = opts.userEmail ?? "tester@example.com";
  const discoveryDir = opts.discoveryDir ?? defaultDiscoveryDir();
  const extraHosts = new Set((opts.apiHosts ?? []).map((h) => h.toLowerCase()));

  const records: RecordedRequest[] = [];
  const problems: Problem[] = [];
  const issuedTokens: IssuedToken[] = [];
  const grants: ConsentGrant[] = [];
  const revokedTokens: string[] = [];
  /** Scopes the (single) fake user granted each client so far: include_granted_scopes=true adds them. */
  const grantedByClient = new Map<string, Set<string>>();
  const handlers: ApiHandlerSpec[] = [];
  const grantsByCode = new Map<string, ConsentGrant>();
  const accessTokens = new Map<string, IssuedToken>();
  const refreshTokens = new Map<string, IssuedToken>();
  const uploadSessions = new Map<string, { metadata?: UploadPart; host: string; path: string }>();
  let seq = 0;
  let counter = 0;

  // lower-cased "name.version" → file, so `youtubeAnalytics.googleapis.com` (hostnames are case-insensitive) works
  const discoveryFiles = new Map<string, string>();
  if (discoveryDir) {
    for (const f of readdirSync(discoveryDir)) {
      if (f.endsWith(".json") && f !== "index.json") discoveryFiles.set(f.slice(0, -5).toLowerCase(), f);
    }
  }

  const ca = await ensureTestCa();
  const server: Mockttp = getLocal({
    https: { cert: ca.cert, key: ca.key },
    http2: false,
    recordTraffic: false,
  });
  await server.start(opts.port);

  const problem = (rec: RecordedRequest | undefined, kind: Problem["kind"], message: string) => {
    problems.push({ seq: rec?.seq, kind, message, url: rec?.url });
  };

  const isApiHost = (host: string) =>
    host === "www.googleapis.com" || host.endsWith(".googleapis.com") || extraHosts.has(host);

  // ---- consent screen -------------------------------------------------------------------------------------
  const consent = (rec: RecordedRequest): ApiResponse => {
    const q = new URLSearchParams(rec.rawQuery);
    const fail = (status: number, error: string, detail: string): ApiResponse => {
      problem(rec, "consent", `${error}: ${detail}`);
      return {
        status,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: `<!doctype html><title>Error ${status}: ${error}</title><h1>Access blocked: Error ${status}: ${error}</h1><p>${detail.replace(/[<>&]/g, "")}</p>`,
      };
    };
    if (rec.method !== "GET")
      return fail(405, "invalid_request", `consent screen expects GET, got ${rec.method}`);
    for (const [k] of rec.query) {
      if (rec.query.filter(([k2]) => k2 === k).length > 1)
        return fail(400, "invalid_request", `repeated parameter ${k}`);
    }
    const cid = q.get("client_id");
    if (cid !== clientId)
      return fail(401, "invalid_client", `The OAuth client was not found (client_id=${cid})`);
    const redirectUri = q.get("redirect_uri");
    if (!redirectUri) return fail(400, "invalid_request", "Missing required parameter: redirect_uri");
    let ru: URL;
    try {
      ru = new URL(redirectUri);
    } catch {
      return fail(400, "invalid_request", `redirect_uri is not a URL: ${redirectUri}`);
    }
    if (
      ru.protocol !== "http:" ||
      !LOOPBACK_HOSTS.has(ru.hostname) ||
      ru.username ||
      ru.password ||
      ru.hash
    ) {
      return fail(
        400,
        "redirect_uri_mismatch",
        `redirect_uri must be a loopback http://localhost or http://127.0.0.1 URL, got ${redirectUri}`,
      );
    }
    if (q.get("response_type") !== "code") {
      return fail(
        400,
        "unsupported_response_type",
        `response_type must be "code", got ${q.get("response_type")}`,
      );
    }
    const scope = (q.get("scope") ?? "").trim();
    if (!scope) return fail(400, "invalid_request", "Missing required parameter: scope");
    for (const s of scope.split(/\s+/)) {
      if (
        !/^https:\/\/www\.googleapis\.com\/auth\/[\w.\-/]+$/.test(s) &&
        !["openid", "email", "profile"].includes(s)
      ) {
        return fail(400, "invalid_scope", `Some requested scopes were invalid: ${s}`);
      }
    }
    const accessType = q.get("access_type") ?? undefined;
    if (accessType !== undefined && accessType !== "online" && accessType !== "offline") {
      return fail(400, "invalid_request", `Invalid access_type: ${accessType}`);
    }
    const challenge = q.get("code_challenge") ?? undefined;
    const methodRaw = q.get("code_challenge_method") ?? undefined;
    if (methodRaw !== undefined && !challenge)
      return fail(400, "invalid_request", "code_challenge_method without code_challenge");
    if (methodRaw !== undefined && methodRaw !== "S256" && methodRaw !== "plain") {
      return fail(400, "invalid_request", `Invalid code_challenge_method: ${methodRaw}`);
    }
    if (challenge && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)) {
      return fail(400, "invalid_request", `Invalid code_challenge: ${challenge}`);
    }
    const state = q.get("state") ?? undefined;
    const incremental = q.get("include_granted_scopes");
    if (incremental !== null && incremental !== "true" && incremental !== "false")
      return fail(400, "invalid_request", `Invalid include_granted_scopes: ${incremental}`);
    const already = grantedByClient.get(cid) ?? new Set<string>();
    grantedByClient.set(cid, already);
    for (const sc of scope.split(/\s+/)) already.add(sc);
    // Google's incremental authorization: the new grant covers everything granted before.
    const grantedScope = incremental === "true" ? [...already].join(" ") : scope;
    const code = `4/0Afake-${++counter}-${randomBytes(12).toString("base64url")}`;
    const grant: ConsentGrant = {
      code,
      clientId: cid,
      redirectUri,
      scope: grantedScope,
      state,
      codeChallenge: challenge,
      codeChallengeMethod: challenge ? ((methodRaw as "S256" | "plain" | undefined) ?? "plain") : undefined,
      accessType,
      used: false,
      seq: rec.seq,
    };
    grants.push(grant);
    grantsByCode.set(code, grant);
    // Google's order: state, code, scope. Echo the requested scope verbatim (oauthlib compares it as a set).
    const back = new URLSearchParams();
    if (state !== undefined) back.set("state", state);
    back.set("code", code);
    back.set("scope", grantedScope);
    const location = redirectUri + (redirectUri.includes("?") ? "&" : "?") + back.toString();
    return { status: 302, headers: { location, "content-type": "text/html; charset=utf-8" }, body: "" };
  };

  // ---- token endpoint -------------------------------------------------------------------------------------
  const tokenEndpoint = (rec: RecordedRequest): ApiResponse => {
    const fail = (status: number, error: string, description: string): ApiResponse => {
      problem(rec, "token", `${error}: ${description}`);
      return { status, json: { error, error_description: description } };
    };
    if (rec.method !== "POST")
      return fail(405, "invalid_request", `token endpoint expects POST, got ${rec.method}`);
    const ct = rec.headers["content-type"] ?? "";
    if (!/^application\/x-www-form-urlencoded/i.test(ct))
      return fail(400, "invalid_request", `unexpected content-type ${ct}`);
    const form = new URLSearchParams(typeof rec.body === "string" ? rec.body : rec.body.toString("utf8"));

    // client authentication: HTTP Basic (client_secret_basic) or body (client_secret_post)
    let cid: string | null = null;
    let secret: string | null = null;
    let clientAuth: IssuedToken["clientAuth"];
    const basic = /^Basic\s+(\S+)$/i.exec(rec.headers.authorization ?? "");
    if (basic?.[1]) {
      const decoded = Buffer.from(basic[1], "base64").toString("utf8");
      const i = decoded.indexOf(":");
      const dec = (s: string) => {
        try {
          return decodeURIComponent(s.replace(/\+/g, " "));
        } catch {
          return s;
        }
      };
      cid = dec(decoded.slice(0, i < 0 ? undefined : i));
      secret = i < 0 ? "" : dec(decoded.slice(i + 1));
      clientAuth = "client_secret_basic";
      rec.auth = "client_secret_basic";
      const bodyCid = form.get("client_id");
      if (bodyCid !== null && bodyCid !== cid)
        return fail(400, "invalid_request", "client_id in body differs from Basic auth");
    } else {
      cid = form.get("client_id");
      secret = form.get("client_secret");
      clientAuth = "client_secret_post";
      rec.auth = "client_secret_post";
    }
    if (cid !== clientId)
      return fail(401, "invalid_client", `The OAuth client was not found (client_id=${cid})`);
    if (secret !== clientSecret) return fail(401, "invalid_client", "Unauthorized (bad client_secret)");
    rec.authorized = true;

    const grantType = form.get("grant_type");
    const issue = (t: Omit<IssuedToken, "accessToken" | "expiresAt" | "seq">, withRefresh: boolean) => {
      const issued: IssuedToken = {
        ...t,
        accessToken: token(`ya29.fake-${issuedTokens.length + 1}-`),
        refreshToken: withRefresh ? token(`1//fake-refresh-${issuedTokens.length + 1}-`) : t.refreshToken,
        seq: rec.seq,
        expiresAt: Date.now() + lifetime * 1000,
      };
      issuedTokens.push(issued);
      accessTokens.set(issued.accessToken, issued);
      if (issued.refreshToken) refreshTokens.set(issued.refreshToken, issued);
      return issued;
    };

    if (grantType === "authorization_code") {
      const code = form.get("code");
      const grant = code ? grantsByCode.get(code) : undefined;
      if (!code || !grant) return fail(400, "invalid_grant", "Malformed auth code.");
      if (grant.used) return fail(400, "invalid_grant", "Bad Request (authorization code already used)");
      if (grant.clientId !== cid) return fail(400, "invalid_grant", "code was issued to another client");
      const redirectUri = form.get("redirect_uri");
      if (redirectUri !== grant.redirectUri) {
        return fail(
          400,
          "redirect_uri_mismatch",
          `Bad Request (redirect_uri ${redirectUri} != ${grant.redirectUri})`,
        );
      }
      const verifier = form.get("code_verifier") ?? "";
      let pkce: IssuedToken["pkce"] = "none";
      if (grant.codeChallenge) {
        if (!verifier) return fail(400, "invalid_grant", "Missing code verifier.");
        const expected =
          grant.codeChallengeMethod === "S256"
            ? base64url(createHash("sha256").update(verifier, "ascii").digest())
            : verifier;
        if (expected !== grant.codeChallenge) return fail(400, "invalid_grant", "Invalid code verifier.");
        pkce = grant.codeChallengeMethod ?? "plain";
      }
      grant.used = true;
      const issued = issue(
        {
          grantType: "authorization_code",
          clientId: cid,
          clientAuth,
          pkce,
          codeVerifierSent: verifier !== "",
          scope: grant.scope,
          redirectUri,
          code,
        },
        grant.accessType === "offline",
      );
      const json: Record<string, unknown> = {
        access_token: issued.accessToken,
        expires_in: lifetime,
        scope: issued.scope,
        token_type: "Bearer",
      };
      if (issued.refreshToken) json.refresh_token = issued.refreshToken;
      if (/(^|\s)(openid|email)(\s|$)/.test(issued.scope)) json.id_token = fakeIdToken(clientId, userEmail);
      return { json };
    }
    if (grantType === "refresh_token") {
      const rt = form.get("refresh_token") ?? "";
      const prev = refreshTokens.get(rt);
      if (!prev) return fail(400, "invalid_grant", "Token has been expired or revoked.");
      if (prev.clientId !== cid) return fail(400, "unauthorized_client", "Unauthorized");
      const issued = issue(
        {
          grantType: "refresh_token",
          clientId: cid,
          clientAuth,
          pkce: "none",
          codeVerifierSent: false,
          scope: prev.scope,
          refreshToken: rt,
        },
        false,
      );
      return {
        json: {
          access_token: issued.accessToken,
          expires_in: lifetime,
          scope: issued.scope,
          token_type: "Bearer",
        },
      };
    }
    return fail(400, "unsupported_grant_type", `Invalid grant_type: ${grantType}`);
  };

  // ---- revocation endpoint ------------------------------------------------------------------------------
  const revoke = (rec: RecordedRequest): ApiResponse => {
    if (rec.method !== "POST") {
      problem(rec, "token", `revocation endpoint expects POST, got ${rec.method}`);
      return { status: 405, json: { error: "invalid_request" } };
    }
    const form = new URLSearchParams(typeof rec.body === "string" ? rec.body : rec.body.toString("utf8"));
    const tok = form.get("token") ?? "";
    if (rec.query.some(([k]) => k === "token")) problem(rec, "token", "token sent in the revocation URL");
    const issued = accessTokens.get(tok) ?? refreshTokens.get(tok);
    if (!issued)
      return { status: 400, json: { error: "invalid_token", error_description: "Token expired or revoked" } };
    accessTokens.delete(issued.accessToken);
    if (issued.refreshToken) refreshTokens.delete(issued.refreshToken);
    revokedTokens.push(issued.accessToken);
    rec.authorized = true;
    return { json: {} };
  };

  // ---- API credentials ------------------------------------------------------------------------------------
  /** Returns an error response when the request must be rejected, else undefined. Sets rec.authorized/auth. */
  const checkCredentials = (rec: RecordedRequest, anonymousOk: boolean): ApiResponse | undefined => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(rec.headers.authorization ?? "");
    const key = rec.query.find(([k]) => k === "key")?.[1] ?? rec.headers["x-goog-api-key"];
    if (bearer?.[1]) {
      rec.auth = "bearer";
      rec.bearerToken = bearer[1];
      const t = accessTokens.get(bearer[1]);
      if (t && t.expiresAt > Date.now()) {
        rec.authorized = true;
        rec.tokenScopes = t.scope.split(/\s+/).filter(Boolean);
        return undefined;
      }
      if (anonymousOk) return undefined;
      problem(rec, "unauthorized", `unknown or expired access token ${bearer[1].slice(0, 24)}…`);
      const r = googleError(
        401,
        "UNAUTHENTICATED",
        "authError",
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
        { location: "Authorization", locationType: "header" },
      );
      r.headers = {
        "www-authenticate": 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      };
      return r;
    }
    if (key !== undefined) {
      rec.auth = "api-key";
      if (key === apiKey) {
        rec.authorized = true;
        return undefined;
      }
      if (anonymousOk) return undefined;
      problem(rec, "unauthorized", `invalid API key ${key}`);
      return googleError(
        400,
        "INVALID_ARGUMENT",
        "badRequest",
        "API key not valid. Please pass a valid API key.",
      );
    }
    if (anonymousOk) return undefined;
    problem(rec, "unauthorized", "request without credentials (no Authorization: Bearer, no key)");
    const r = googleError(
      401,
      "UNAUTHENTICATED",
      "required",
      "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
      { location: "Authorization", locationType: "header" },
    );
    r.headers = { "www-authenticate": 'Bearer realm="https://accounts.google.com/"' };
    return r;
  };

  // ---- discovery ------------------------------------------------------------------------------------------
  const discoveryTarget = (rec: RecordedRequest): string | "index" | null | undefined => {
    // undefined = not a discovery URL; null = a discovery URL for a doc we do not have
    if (rec.method !== "GET") return undefined;
    const p = rec.path.replace(/%24/gi, "$");
    if (
      (rec.host === "www.googleapis.com" || rec.host === "discovery.googleapis.com") &&
      p === "/discovery/v1/apis"
    ) {
      return "index";
    }
    const v1 = /^\/discovery\/v1\/apis\/([^/]+)\/([^/]+)\/rest$/.exec(p);
    if (v1?.[1] && v1[2] && (rec.host === "www.googleapis.com" || rec.host === "discovery.googleapis.com")) {
      return (
        discoveryFiles.get(`${decodeURIComponent(v1[1])}.${decodeURIComponent(v1[2])}`.toLowerCase()) ?? null
      );
    }
    if (p === "/$discovery/rest" && rec.host.endsWith(".googleapis.com")) {
      const api = rec.host.slice(0, -".googleapis.com".length);
      const version = rec.query.find(([k]) => k === "version")?.[1];
      if (!version) return null;
      return discoveryFiles.get(`${api}.${version}`.toLowerCase()) ?? null;
    }
    return undefined;
  };

  const discovery = (rec: RecordedRequest, target: string | "index" | null): ApiResponse => {
    checkCredentials(rec, true);
    if (target === null || !discoveryDir) {
      return googleError(
        404,
        "NOT_FOUND",
        "notFound",
        `Requested entity was not found. (${rec.host}${rec.path})`,
      );
    }
    const file = target === "index" ? "index.json" : target;
    try {
      return {
        headers: { "content-type": "application/json; charset=UTF-8" },
        body: readFileSync(path.join(discoveryDir, file)),
      };
    } catch {
      return googleError(404, "NOT_FOUND", "notFound", "Requested entity was not found.");
    }
  };

  // ---- uploads --------------------------------------------------------------------------------------------
  const parseUpload = (rec: RecordedRequest, buf: Buffer): ApiResponse | undefined => {
    const uploadType = rec.query.find(([k]) => k === "uploadType")?.[1] ?? "";
    const sessionId = rec.query.find(([k]) => k === "upload_id")?.[1];
    const ct = rec.headers["content-type"] ?? "";
    if (sessionId !== undefined) {
      const session = uploadSessions.get(sessionId);
      if (!session) {
        problem(rec, "upload", `unknown upload_id ${sessionId}`);
        return googleError(404, "NOT_FOUND", "notFound", "Upload session not found.");
      }
      rec.upload = {
        uploadType,
        sessionId,
        phase: "data",
        parts: [{ headers: { "content-type": ct }, body: buf }],
      };
      return undefined;
    }
    if (uploadType === "multipart") {
      const parts = parseMultipart(buf, ct);
      if (!parts || parts.length !== 2) {
        problem(
          rec,
          "upload",
          `multipart upload with ${parts?.length ?? "unparseable"} parts (content-type ${ct})`,
        );
        return googleError(
          400,
          "INVALID_ARGUMENT",
          "badContent",
          "Multipart upload must have exactly 2 parts.",
        );
      }
      rec.upload = { uploadType, parts };
    } else if (uploadType === "media") {
      rec.upload = { uploadType, parts: [{ headers: { "content-type": ct }, body: buf }] };
    } else if (uploadType === "resumable") {
      const id = `fake-upload-session-${++counter}`;
      const metadata = buf.length ? { headers: { "content-type": ct }, body: buf } : undefined;
      uploadSessions.set(id, { metadata, host: rec.host, path: rec.path });
      rec.upload = { uploadType, sessionId: id, phase: "start", parts: metadata ? [metadata] : [] };
      const location = `https://${rec.host}${rec.path}?${rec.rawQuery ? rec.rawQuery + "&" : ""}upload_id=${id}`;
      return { status: 200, headers: { location, "x-guploader-uploadid": id }, body: "" };
    } else {
      problem(rec, "upload", `unsupported uploadType "${uploadType}"`);
      return googleError(400, "INVALID_ARGUMENT", "invalidUploadType", `Invalid uploadType: ${uploadType}`);
    }
    return undefined;
  };

  const defaultApiResponse = (rec: RecordedRequest): ApiResponse => {
    const json: Record<string, unknown> = {};
    const up = rec.upload;
    let meta: UploadPart | undefined;
    if (up?.uploadType === "multipart") meta = up.parts[0];
    if (up?.sessionId) meta = uploadSessions.get(up.sessionId)?.metadata;
    if (meta && /json/i.test(meta.headers["content-type"] ?? "")) {
      try {
        const parsed: unknown = JSON.parse(meta.body.toString("utf8"));
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) Object.assign(json, parsed);
      } catch {
        /* not JSON: ignore */
      }
    }
    json.kind = "fake#response";
    if (up) {
      json.id = `fake-id-${rec.seq}`;
      const media = up.parts[up.parts.length - 1];
      if (media && up.phase !== "start") json.fakeUploadedBytes = media.body.length;
    }
    json.fakeRequest = { method: rec.method, host: rec.host, path: rec.path, query: rec.query };
    return { json };
  };

  const matches = (h: ApiHandlerSpec, rec: RecordedRequest): boolean => {
    if (h.method && h.method.toUpperCase() !== rec.method) return false;
    if (h.host !== undefined) {
      if (typeof h.host === "string" ? h.host.toLowerCase() !== rec.host : !h.host.test(rec.host))
        return false;
    }
    return typeof h.path === "string" ? h.path === rec.path : h.path.test(rec.path);
  };

  // ---- the single mockttp rule ----------------------------------------------------------------------------
  await server
    .forAnyRequest()
    .always()
    .thenCallback(async (req) => {
      const n = ++seq;
      const url = new URL(req.url);
      const qi = req.url.indexOf("?");
      const rawQuery = qi < 0 ? "" : req.url.slice(qi + 1).replace(/#.*$/, "");
      const headers = flatHeaders(req.headers);
      const buf = (await req.body.getDecodedBuffer()) ?? req.body.buffer;
      const rec: RecordedRequest = {
        seq: n,
        time: Date.now(),
        host: url.hostname.toLowerCase(),
        method: req.method.toUpperCase(),
        path: url.pathname,
        rawQuery,
        query: [...new URLSearchParams(rawQuery)],
        url: req.url,
        headers,
        body: isTextContentType(headers["content-type"]) ? buf.toString("utf8") : buf,
        kind: "unmatched",
        authorized: false,
        auth: "none",
        status: 0,
      };
      records.push(rec);

      let res: ApiResponse;
      try {
        res = await route(rec, buf, url.protocol);
      } catch (e) {
        problem(rec, "handler", `handler threw: ${(e as Error).stack ?? String(e)}`);
        res = googleError(500, "INTERNAL", "backendError", "fake handler threw");
      }
      rec.status = res.status ?? 200;
      const outHeaders: Record<string, string> = { ...res.headers };
      // Google's APIs answer browsers with CORS headers (unless a handler plays an endpoint that does not).
      const corsOff = handlers.some((hd) => hd.noCors && matches(hd, rec));
      if (headers.origin !== undefined && (rec.kind === "api" || rec.kind === "discovery") && !corsOff) {
        outHeaders["access-control-allow-origin"] = headers.origin;
        outHeaders.vary = "Origin";
        outHeaders["access-control-expose-headers"] = "content-length, content-type, date";
      }
      let body: string | Buffer = "";
      if (res.json !== undefined) {
        outHeaders["content-type"] ??= "application/json; charset=UTF-8";
        body = JSON.stringify(res.json, null, 2);
      } else if (res.body !== undefined) {
        body = res.body;
      }
      return {
        statusCode: rec.status,
        headers: outHeaders,
        rawBody: typeof body === "string" ? Buffer.from(body) : body,
      };
    });

  const route = async (rec: RecordedRequest, buf: Buffer, protocol: string): Promise<ApiResponse> => {
    const unmatched = (why: string): ApiResponse => {
      rec.kind = "unmatched";
      problem(rec, "unmatched", `${why}: ${rec.method} ${rec.url}`);
      return {
        status: 599,
        headers: { "content-type": "text/plain" },
        body: `fake-google: no route for ${rec.method} ${rec.url}\n`,
      };
    };
    if (protocol !== "https:") return unmatched("plain-http request (Google is HTTPS only)");
    const h = rec.host;
    if (h === "oauth2.googleapis.com" && rec.path === "/revoke") {
      rec.kind = "revoke";
      return revoke(rec);
    }
    if (h === "accounts.google.com" && (rec.path === "/o/oauth2/auth" || rec.path === "/o/oauth2/v2/auth")) {
      rec.kind = "consent";
      return consent(rec);
    }
    if (
      (h === "oauth2.googleapis.com" && rec.path === "/token") ||
      (h === "accounts.google.com" && rec.path === "/o/oauth2/token")
    ) {
      rec.kind = "token";
      return tokenEndpoint(rec);
    }
    const dt = discoveryTarget(rec);
    if (dt !== undefined) {
      rec.kind = "discovery";
      return discovery(rec, dt);
    }
    if (
      rec.method === "OPTIONS" &&
      rec.headers.origin !== undefined &&
      rec.headers["access-control-request-method"]
    ) {
      rec.kind = "preflight";
      const target = [...handlers]
        .reverse()
        .find((hd) =>
          matches(hd, { ...rec, method: rec.headers["access-control-request-method"]?.toUpperCase() ?? "" }),
        );
      if (target?.noCors) return { status: 403, body: "" };
      return { status: 204, headers: preflightHeaders(rec) };
    }
    const handler = [...handlers].reverse().find((hd) => matches(hd, rec)); // latest registration wins
    if (!handler && !isApiHost(h)) return unmatched("unknown host");
    if (h === "oauth2.googleapis.com" && !handler) return unmatched("unknown oauth2.googleapis.com endpoint");
    rec.kind = "api";
    const denied = checkCredentials(rec, handler?.anonymous ?? false);
    if (denied) return denied;
    if (rec.path.startsWith("/upload/") || rec.path.startsWith("/resumable/upload/")) {
      const early = parseUpload(rec, buf);
      if (early) return early;
    }
    if (handler) {
      rec.handler = handler.name ?? String(handler.path);
      return handler.handle(rec);
    }
    return defaultApiResponse(rec);
  };

  return {
    proxyUrl: `http://127.0.0.1:${server.port}`,
    port: server.port,
    caPath: ca.certPath,
    clientId,
    clientSecret,
    apiKey,
    records,
    problems,
    issuedTokens,
    grants,
    revokedTokens,
    addApiHandler(spec) {
      if (typeof spec.host === "string") extraHosts.add(spec.host.toLowerCase());
      handlers.push(spec);
    },
    clearRecords() {
      records.length = 0;
      problems.length = 0;
      issuedTokens.length = 0;
      grants.length = 0;
      revokedTokens.length = 0;
    },
    async stop() {
      await server.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Sends one HTTPS request through the fake's proxy from the test process itself (CONNECT + TLS trusting the test
 * CA), e.g. for negative controls. Resolves with the status, lower-cased headers and body text.
 */
export function requestThroughFake(
  fake: Pick<FakeGoogle, "proxyUrl" | "caPath">,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const target = new URL(url);
  const proxy = new URL(fake.proxyUrl);
  const port = Number(target.port || 443);
  const ca = [...tls.rootCertificates, readFileSync(fake.caPath, "utf8")];
  return new Promise((resolve, reject) => {
    const connect = http.request({
      host: proxy.hostname,
      port: Number(proxy.port),
      method: "CONNECT",
      path: `${target.hostname}:${port}`,
      headers: { host: `${target.hostname}:${port}` },
    });
    connect.on("error", reject);
    connect.on("connect", (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new Error(`CONNECT answered ${res.statusCode}`));
        return;
      }
      const req = https.request(
        {
          host: target.hostname,
          port,
          method: init.method ?? "GET",
          path: target.pathname + target.search,
          headers: init.headers,
          createConnection: () => tls.connect({ socket, servername: target.hostname, ca }),
        },
        (resp) => {
          const chunks: Buffer[] = [];
          resp.on("data", (c: Buffer) => chunks.push(c));
          resp.on("end", () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(resp.headers))
              if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
            resolve({ status: resp.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString("utf8") });
          });
          resp.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(init.body);
    });
    connect.end();
  });
}
