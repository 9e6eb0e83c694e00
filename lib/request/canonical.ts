/**
 * The canonical ExplorerRequest: strict parsing of untrusted input (CLI files, share links, history), the
 * default request for a method, and a normal form so equal requests serialise equally. Pure.
 * Format documented in docs/request-format.md.
 */
import type { ApiModel, MethodModel } from "../discovery/model-types";
import { suggestScopes } from "../auth/scopes";
import { headerValueProblem } from "./header-field";
import type {
  ExplorerRequest,
  JsonValue,
  MediaSpec,
  OAuthFlow,
  ParamScalar,
  ParamValue,
  RequestAuth,
} from "./types";

export type ParseResult =
  { readonly ok: true; readonly value: ExplorerRequest } | { readonly ok: false; readonly errors: string[] };

/**
 * Parameters that carry credentials. They never appear in a share link or an HttpRequestSpec: credentials
 * belong in `auth` and are sent as headers at execution time (see build.ts `withCredentials`).
 * Exact, case-sensitive Discovery names — no "looks like a token" heuristics (`pageToken`, `syncToken` are not
 * secrets). `key`, `access_token`, `oauth_token` are standard parameters; `id_token` is oauth2 v2 tokeninfo's.
 */
export const SECRET_PARAM_NAMES: readonly string[] = ["key", "access_token", "oauth_token", "id_token"];

export function isSecretParam(name: string): boolean {
  return SECRET_PARAM_NAMES.includes(name);
}

const TOP_LEVEL_KEYS = ["api", "version", "method", "params", "body", "auth", "media", "revision"] as const;
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "nothing";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** JSON path segment: `.name` for identifier-like keys, `["…"]` otherwise. */
function fieldPath(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Copies a JSON value, reporting anything that is not JSON (undefined, functions, NaN, class instances…). */
function parseJson(v: unknown, path: string, errors: string[], depth = 0): JsonValue {
  if (depth > 200) {
    errors.push(`${path} is nested too deeply.`);
    return null;
  }
  if (v === null || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) errors.push(`${path} must be a finite number (got ${String(v)}).`);
    return Object.is(v, -0) ? 0 : v;
  }
  if (Array.isArray(v)) return v.map((item, i) => parseJson(item, `${path}[${i}]`, errors, depth + 1));
  if (isPlainObject(v)) {
    return Object.fromEntries(
      Object.keys(v).map((k) => [k, parseJson(v[k], fieldPath(path, k), errors, depth + 1)]),
    );
  }
  errors.push(`${path} must be JSON (got ${describe(v)}).`);
  return null;
}

function parseScalar(v: unknown, path: string, errors: string[]): ParamScalar {
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number" && Number.isFinite(v)) return Object.is(v, -0) ? 0 : v;
  errors.push(`${path} must be a string, number or boolean (got ${describe(v)}).`);
  return "";
}

function parseParams(v: unknown, errors: string[]): Record<string, ParamValue> {
  if (!isPlainObject(v)) {
    errors.push(`params must be an object mapping parameter names to values (got ${describe(v)}).`);
    return {};
  }
  const entries = Object.keys(v).map((name): [string, ParamValue] => {
    const value = v[name];
    const path = fieldPath("params", name);
    if (Array.isArray(value))
      return [name, value.map((item, i) => parseScalar(item, `${path}[${i}]`, errors))];
    if (typeof value === "object" && value !== null) {
      errors.push(`${path} must be a string, number, boolean or an array of them (got ${describe(value)}).`);
      return [name, ""];
    }
    return [name, parseScalar(value, path, errors)];
  });
  return Object.fromEntries(entries);
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
 * The one spelling of an OAuth auth: `flow` only when it is not the default, so a request that never named a
 * flow serialises (share links, history, downloads) exactly as before.
 */
export function oauthAuth(scopes: readonly string[], flow: OAuthFlow = "loopback"): RequestAuth {
  return flow === "headless" ? { type: "oauth", scopes, flow } : { type: "oauth", scopes };
}

function parseAuth(v: unknown, errors: string[]): RequestAuth {
  const shapes = 'auth must be {"type":"oauth","scopes":[…]}, {"type":"apiKey"} or {"type":"none"}';
  if (!isPlainObject(v)) {
    errors.push(`${shapes} (got ${describe(v)}).`);
    return { type: "none" };
  }
  const extra = (allowed: string[]): void => {
    for (const k of Object.keys(v))
      if (!allowed.includes(k))
        errors.push(`${fieldPath("auth", k)} is not allowed for auth type "${String(v.type)}".`);
  };
  switch (v.type) {
    case "oauth": {
      extra(["type", "scopes", "flow"]);
      const flow = parseOAuthFlow(v.flow, errors);
      if (!Array.isArray(v.scopes)) {
        errors.push(`auth.scopes must be an array of scope URLs (got ${describe(v.scopes)}).`);
        return oauthAuth([], flow);
      }
      const scopes = v.scopes.map((s, i) => {
        if (typeof s !== "string" || s === "") errors.push(`auth.scopes[${i}] must be a non-empty string.`);
        return typeof s === "string" ? s : "";
      });
      return oauthAuth(scopes, flow);
    }
    case "apiKey":
      extra(["type"]);
      return { type: "apiKey" };
    case "none":
      extra(["type"]);
      return { type: "none" };
    default:
      errors.push(`${shapes} (auth.type is ${JSON.stringify(v.type) ?? "missing"}).`);
      return { type: "none" };
  }
}

function parseMedia(v: unknown, errors: string[]): MediaSpec | undefined {
  if (!isPlainObject(v)) {
    errors.push(`media must be an object {"fileName": …, "mimeType"?: …} (got ${describe(v)}).`);
    return undefined;
  }
  for (const k of Object.keys(v))
    if (k !== "fileName" && k !== "mimeType") errors.push(`${fieldPath("media", k)} is not a known field.`);
  if (typeof v.fileName !== "string" || v.fileName === "")
    errors.push("media.fileName must be a non-empty string.");
  if (hasOwn(v, "mimeType") && typeof v.mimeType !== "string")
    errors.push(`media.mimeType must be a string (got ${describe(v.mimeType)}).`);
  else if (typeof v.mimeType === "string" && headerValueProblem(v.mimeType) !== null)
    errors.push(
      "media.mimeType must not contain a line break (CR or LF) or NUL: it is sent as the Content-Type header.",
    );
  const fileName = typeof v.fileName === "string" ? v.fileName : "";
  return typeof v.mimeType === "string" ? { fileName, mimeType: v.mimeType } : { fileName };
}

/**
 * Strictly validates the canonical format and returns a fresh, normalised copy (no aliasing of the input;
 * `-0` becomes `0`). Unknown top-level fields are errors, so typos (`parms`) do not pass silently.
 * Error messages name the field, e.g. `params.part[1] must be a string, number or boolean (got null).`
 */
export function parseExplorerRequest(json: unknown): ParseResult {
  if (!isPlainObject(json))
    return { ok: false, errors: [`The request must be a JSON object (got ${describe(json)}).`] };
  const errors: string[] = [];
  for (const k of Object.keys(json)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(k))
      errors.push(
        `${fieldPath("request", k).replace(/^request\.?/, "")} is not a known field (expected ${TOP_LEVEL_KEYS.join(", ")}).`,
      );
  }
  const str = (k: "api" | "version" | "method"): string => {
    const v = json[k];
    if (typeof v !== "string" || v === "")
      errors.push(`${k} must be a non-empty string (got ${v === "" ? "an empty string" : describe(v)}).`);
    return typeof v === "string" ? v : "";
  };
  const api = str("api");
  const version = str("version");
  const method = str("method");
  const params = hasOwn(json, "params")
    ? parseParams(json.params, errors)
    : (errors.push("params is required (use {} for none)."), {});
  const body = hasOwn(json, "body")
    ? parseJson(json.body, "body", errors)
    : (errors.push("body is required (use null for none)."), null);
  const auth = hasOwn(json, "auth")
    ? parseAuth(json.auth, errors)
    : (errors.push('auth is required (e.g. {"type":"none"}).'), { type: "none" as const });
  const media = hasOwn(json, "media") ? parseMedia(json.media, errors) : undefined;
  let revision: string | undefined;
  if (hasOwn(json, "revision")) {
    if (typeof json.revision === "string") revision = json.revision;
    else errors.push(`revision must be a string (got ${describe(json.revision)}).`);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      api,
      version,
      method,
      params,
      body,
      auth,
      ...(media ? { media } : {}),
      ...(revision !== undefined ? { revision } : {}),
    },
  };
}

/**
 * The request the form starts from: no parameter values invented (not even defaults — the server applies
 * those), body `{}` when the method takes a request body else null, OAuth with the suggested scope
 * (lib/auth/scopes.ts) or `none` when the method declares no scopes. Records the document revision.
 */
/**
 * A required parameter's Discovery `default` as its starting value (Gmail `userId` → "me"): the form shows it
 * and sends it, and the user can change it. Optional parameters stay unset: the server applies their defaults.
 * Defaults are text; booleans and safe integers become typed values like typed text does (lib/workbench/fields).
 */
export function requiredDefaults(method: MethodModel): Record<string, ParamValue> {
  // Entries, then Object.fromEntries: a parameter named __proto__ becomes an own key, never the prototype.
  const out: [string, ParamValue][] = [];
  for (const p of method.parameters) {
    if (!p.required || p.default === undefined || p.default === "" || isSecretParam(p.name)) continue;
    const text = p.default;
    const n = Number(text);
    const scalar =
      p.type === "boolean" && (text === "true" || text === "false")
        ? text === "true"
        : p.type === "integer" && /^-?\d+$/.test(text) && Number.isSafeInteger(n) && String(n) === text
          ? n
          : text;
    out.push([p.name, p.repeated ? [scalar] : scalar]);
  }
  return Object.fromEntries(out);
}

export function defaultRequest(api: ApiModel, method: MethodModel): ExplorerRequest {
  const scopes = suggestScopes(method);
  return {
    api: api.name,
    version: api.version,
    method: method.id,
    params: requiredDefaults(method),
    body: method.requestSchema !== null ? {} : null,
    auth: scopes.length > 0 ? { type: "oauth", scopes } : { type: "none" },
    ...(api.revision !== null ? { revision: api.revision } : {}),
  };
}

function sortKeysDeep(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeysDeep(v[k] as JsonValue)]),
    );
  }
  return v;
}

export interface NormalizeOptions {
  /** Also sort body object keys (recursively). Off by default: the body is user-authored text. */
  readonly sortBodyKeys?: boolean;
}

/**
 * A copy with a stable key order so equal requests serialise (JSON.stringify) equally:
 * top level `api, version, method, params, body, auth, media, revision`; params in the order the method lists
 * them, then the API's standard parameters, then any others alphabetically (all alphabetical when no method is
 * given); `auth` as `type, scopes, flow` (`flow` only when headless); `media` as `fileName, mimeType`. Values are not changed.
 */
export function normalizeRequest(
  req: ExplorerRequest,
  method?: Pick<MethodModel, "parameters">,
  api?: Pick<ApiModel, "standardParameters">,
  options: NormalizeOptions = {},
): ExplorerRequest {
  const known = [...(method?.parameters ?? []), ...(api?.standardParameters ?? [])].map((p) => p.name);
  const rank = (name: string): number => {
    const i = known.indexOf(name);
    return i === -1 ? known.length : i;
  };
  const names = Object.keys(req.params).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const params = Object.fromEntries(
    names.map((n) => {
      const v = req.params[n] as ParamValue;
      return [n, Array.isArray(v) ? [...v] : v];
    }),
  );
  const auth: RequestAuth =
    req.auth.type === "oauth" ? oauthAuth([...req.auth.scopes], req.auth.flow) : { type: req.auth.type };
  const body = options.sortBodyKeys && req.body !== null ? sortKeysDeep(req.body) : req.body;
  return {
    api: req.api,
    version: req.version,
    method: req.method,
    params,
    body,
    auth,
    ...(req.media
      ? {
          media:
            req.media.mimeType !== undefined
              ? { fileName: req.media.fileName, mimeType: req.media.mimeType }
              : { fileName: req.media.fileName },
        }
      : {}),
    ...(req.revision !== undefined ? { revision: req.revision } : {}),
  };
}

/** A copy without the parameters in SECRET_PARAM_NAMES. */
export function stripSecretParams(req: ExplorerRequest): ExplorerRequest {
  const params = Object.fromEntries(Object.entries(req.params).filter(([name]) => !isSecretParam(name)));
  return { ...req, params };
}
