/**
 * The canonical ExplorerRequest: strict parsing of untrusted input (CLI files, share links, history), the
 * default request for a method, and a normal form so equal requests serialise equally. Pure.
 * Format documented in docs/request-format.md.
 */
import type { ApiModel, MethodModel } from "../discovery/model-types";
import { suggestScopes } from "../auth/scopes";
import { normalizeAuth, parseAuth } from "./auth-kinds";

export { oauthAuth } from "./auth-kinds";
import { headerValueProblem } from "./header-field";
import { describe, fieldPath, isPlainObject } from "./json-shape";
import type { ExplorerRequest, JsonValue, MediaSpec, ParamScalar, ParamValue } from "./types";

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
 * given); `auth` in its kind's field order (lib/request/auth-kinds.ts); `media` as `fileName, mimeType`. Values are not changed.
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
  const auth = normalizeAuth(req.auth);
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
