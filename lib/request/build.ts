/**
 * The exact HTTP request the explorer sends from the browser for an ExplorerRequest. Pure.
 *
 * - Never contains a secret: OAuth and API-key auth appear as the visible placeholders below; `withCredentials`
 *   swaps in real values at execution time only. API keys go in the `x-goog-api-key` header, never in the URL,
 *   and the credential standard parameters (`key`, `access_token`, `oauth_token`) are never sent from params
 *   (validate.ts reports them) unless the method itself declares them (oauth2 v2 tokeninfo).
 * - Values that are "not set" (`""`, `[]`, list items that are `""`) are not sent (same rule as validate.ts).
 * - Parameters the method does not know (neither its own nor standard) are not sent (validate.ts reports them).
 * - A missing path parameter keeps its template token in the URL (`…/files/{fileId}`), so the preview stays
 *   readable instead of silently addressing another resource; `missingPathParams` then lists them and the
 *   request must not be executed.
 * - No `alt=json` (google-api-python-client adds it; googleapis and the browser do not), no user-agent.
 */
import type { ApiModel, MethodModel } from "../discovery/model-types";
import { authKind } from "./auth-kinds";
import { SECRET_PARAM_NAMES } from "./canonical";
import { checkHeaderField } from "./header-field";
import { expandPathTemplate, isMissingValue, templateVariables, toWellFormed } from "./uri-template";
import type { ExplorerRequest, HttpRequestSpec, ParamScalar, ParamValue } from "./types";

/** Stands for the OAuth access token in `authorization: Bearer {ACCESS_TOKEN}`. */
export const ACCESS_TOKEN_PLACEHOLDER = "{ACCESS_TOKEN}";
/** Stands for the API key in `x-goog-api-key: {API_KEY}`. */
export const API_KEY_PLACEHOLDER = "{API_KEY}";
/**
 * The fixed multipart/related boundary of the previewed upload body (deterministic previews and snippets).
 * It cannot occur in the JSON part unless the user types it into a string value; an executor that streams real
 * file bytes should pick a random boundary instead.
 */
export const MULTIPART_BOUNDARY = "explorer_multipart_boundary_e8f3a1";
/** Content type of a media part whose MIME type the request does not state. */
export const DEFAULT_MEDIA_TYPE = "application/octet-stream";

export type UploadProtocol = "multipart" | "media";

export interface BuildOptions {
  /**
   * Upload protocol for media uploads. Default: `multipart` when a JSON body is sent with the file (the method
   * has a request schema and the body is not null), else `media`. `media` drops the body; `multipart` without
   * a body sends `{}` as metadata.
   */
  readonly uploadProtocol?: UploadProtocol;
}

const CREDENTIAL_STANDARD_PARAMS = SECRET_PARAM_NAMES.filter((n) => n !== "id_token");

/** `true`/`false`, numbers as JSON prints them, strings verbatim. */
export function formatParamScalar(v: ParamScalar): string {
  return typeof v === "string" ? v : typeof v === "number" ? JSON.stringify(v) : v ? "true" : "false";
}

/** encodeURIComponent that cannot throw (lone surrogates become U+FFFD). Space → %20, keeps `-_.!~*'()`. */
export function encodeQueryComponent(s: string): string {
  return encodeURIComponent(toWellFormed(s));
}

function joinUrl(base: string, path: string): string {
  if (path === "") return base;
  return base.replace(/\/+$/, "") + "/" + path.replace(/^\/+/, "");
}

function sendsJsonBody(method: MethodModel, req: ExplorerRequest): boolean {
  return method.requestSchema !== null && req.body !== null;
}

/** True when the request uploads media: it names a file and the method supports uploads. */
export function isMediaUpload(method: MethodModel, req: ExplorerRequest): boolean {
  return req.media !== undefined && method.supportsMediaUpload;
}

/** The upload protocol used for `req` (see BuildOptions), or null when it is not a media upload. */
export function uploadProtocolFor(
  method: MethodModel,
  req: ExplorerRequest,
  opts: BuildOptions = {},
): UploadProtocol | null {
  if (!isMediaUpload(method, req)) return null;
  return opts.uploadProtocol ?? (sendsJsonBody(method, req) ? "multipart" : "media");
}

/**
 * The query string as ordered `[name, value]` pairs, unencoded: the method's query parameters in the order of
 * `method.parameters`, then standard parameters in the order of `api.standardParameters`; repeated parameters
 * as repeated pairs; for media uploads `uploadType` last (replacing any given one).
 */
export function buildQueryPairs(
  api: ApiModel,
  method: MethodModel,
  req: ExplorerRequest,
  opts: BuildOptions = {},
): [string, string][] {
  const protocol = uploadProtocolFor(method, req, opts);
  const own = new Set(method.parameters.map((p) => p.name));
  // Template variables are path parameters whatever the document says; they never repeat in the query.
  const pathVars = new Set(
    [method.path, method.mediaUpload?.simplePath ?? ""].flatMap((t) =>
      templateVariables(t).map((v) => v.name),
    ),
  );
  const candidates = [
    ...method.parameters.filter((p) => p.location === "query" && !pathVars.has(p.name)),
    ...api.standardParameters.filter((p) => !own.has(p.name) && !CREDENTIAL_STANDARD_PARAMS.includes(p.name)),
  ];
  const pairs: [string, string][] = [];
  for (const p of candidates) {
    if (protocol !== null && p.name === "uploadType" && !own.has(p.name)) continue;
    if (!Object.prototype.hasOwnProperty.call(req.params, p.name)) continue;
    const value = req.params[p.name] as ParamValue;
    if (isMissingValue(value)) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== "") pairs.push([p.name, formatParamScalar(item)]);
    }
  }
  if (protocol !== null) pairs.push(["uploadType", protocol]);
  return pairs;
}

/** `a=1&b=2` with encodeURIComponent semantics for names and values. */
export function encodeQuery(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([k, v]) => `${encodeQueryComponent(k)}=${encodeQueryComponent(v)}`).join("&");
}

interface UrlParts {
  readonly url: string;
  readonly missing: readonly string[];
}

function buildUrl(api: ApiModel, method: MethodModel, req: ExplorerRequest, opts: BuildOptions): UrlParts {
  const protocol = uploadProtocolFor(method, req, opts);
  let template: string;
  if (protocol === null) template = joinUrl(api.baseUrl, method.path);
  else if (method.mediaUpload?.simplePath) template = joinUrl(api.rootUrl, method.mediaUpload.simplePath);
  else template = joinUrl(joinUrl(joinUrl(api.rootUrl, "upload"), api.servicePath), method.path);
  // Expand only the path part: the root/base URL never contains template expressions.
  const prefixLength =
    protocol === null ? api.baseUrl.replace(/\/+$/, "").length : api.rootUrl.replace(/\/+$/, "").length;
  const prefix = template.slice(0, prefixLength);
  const expanded = expandPathTemplate(template.slice(prefixLength), req.params);
  const path = expanded.ok ? expanded.value : expanded.partial;
  const query = encodeQuery(buildQueryPairs(api, method, req, opts));
  return { url: prefix + path + (query ? `?${query}` : ""), missing: expanded.ok ? [] : expanded.missing };
}

/** Every kind that runs on an access token (a person's, ADC's, a service account's) sends it as a Bearer header. */
function authHeaders(req: ExplorerRequest): Record<string, string> {
  switch (authKind(req.auth.type).execute) {
    case "accessToken":
      return { authorization: `Bearer ${ACCESS_TOKEN_PLACEHOLDER}` };
    case "apiKey":
      return { "x-goog-api-key": API_KEY_PLACEHOLDER };
    case "none":
      return {};
  }
}

/**
 * The multipart/related body up to the media part's bytes (RFC 2387, CRLF line breaks): the JSON metadata part,
 * then the media part's headers and blank line. The executor (lib/execute/prepare.ts) follows it with the file's
 * bytes; the preview with a description of them.
 */
export function multipartHead(json: string, mimeType: string, boundary: string): string {
  checkHeaderField("content-type", mimeType, "the request's media.mimeType (the media part's header)");
  return [
    `--${boundary}`,
    "content-type: application/json; charset=UTF-8",
    "",
    json,
    `--${boundary}`,
    `content-type: ${mimeType}`,
    "",
    "",
  ].join("\r\n");
}

/** The closing delimiter after the media part's bytes. */
export function multipartTail(boundary: string): string {
  return `\r\n--${boundary}--`;
}

/** The multipart/related body as text, with `<contents of FILE>` standing for the file's bytes. */
export function describeMultipartBody(json: string, fileName: string, mimeType: string): string {
  return (
    multipartHead(json, mimeType, MULTIPART_BOUNDARY) +
    `<contents of ${fileName}>` +
    multipartTail(MULTIPART_BOUNDARY)
  );
}

/**
 * The exact request: method, absolute URL (see the module comment for missing path parameters), lower-case
 * headers in the order content-type, x-goog-api-version, authorization / x-goog-api-key, and the body text.
 */
export function buildHttpRequest(
  api: ApiModel,
  method: MethodModel,
  req: ExplorerRequest,
  opts: BuildOptions = {},
): HttpRequestSpec {
  const { url, missing } = buildUrl(api, method, req, opts);
  const protocol = uploadProtocolFor(method, req, opts);
  const headers: Record<string, string> = {};
  let body: string | null = null;

  if (protocol !== null && req.media) {
    const mime = checkHeaderField(
      "content-type",
      req.media.mimeType || DEFAULT_MEDIA_TYPE,
      "the request's media.mimeType",
    );
    if (protocol === "multipart") {
      headers["content-type"] = `multipart/related; boundary=${MULTIPART_BOUNDARY}`;
      const json = sendsJsonBody(method, req) ? JSON.stringify(req.body) : "{}";
      body = describeMultipartBody(json, req.media.fileName, mime);
    } else {
      headers["content-type"] = mime;
      body = `<contents of ${req.media.fileName}>`;
    }
  } else if (sendsJsonBody(method, req)) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.body);
  }
  if (method.apiVersion) {
    headers["x-goog-api-version"] = checkHeaderField(
      "x-goog-api-version",
      method.apiVersion,
      `the apiVersion of ${method.id} in the Discovery document`,
    );
  }
  Object.assign(headers, authHeaders(req));

  return {
    method: method.httpMethod,
    url,
    headers,
    body,
    ...(missing.length > 0 ? { missingPathParams: missing } : {}),
  };
}

export interface Credentials {
  readonly accessToken?: string;
  readonly apiKey?: string;
}

const HEADER_VALUE = /^[\x21-\x7E]+$/;

/**
 * Execution time only: a copy of `spec` with the placeholders in the `authorization` / `x-goog-api-key` headers
 * replaced by real credentials. A credential not given leaves its placeholder. URL and body are never touched.
 * Throws when a credential contains characters not allowed in a header value (CR/LF injection, spaces).
 */
export function withCredentials(spec: HttpRequestSpec, creds: Credentials): HttpRequestSpec {
  const check = (what: string, v: string): string => {
    if (!HEADER_VALUE.test(v))
      throw new Error(`The ${what} contains characters that are not allowed in an HTTP header.`);
    return v;
  };
  const headers: Record<string, string> = { ...spec.headers };
  const auth = headers.authorization;
  if (creds.accessToken !== undefined && auth !== undefined && auth.includes(ACCESS_TOKEN_PLACEHOLDER)) {
    headers.authorization = auth.replace(ACCESS_TOKEN_PLACEHOLDER, () =>
      check("access token", creds.accessToken ?? ""),
    );
  }
  const key = headers["x-goog-api-key"];
  if (creds.apiKey !== undefined && key !== undefined && key.includes(API_KEY_PLACEHOLDER)) {
    headers["x-goog-api-key"] = key.replace(API_KEY_PLACEHOLDER, () => check("API key", creds.apiKey ?? ""));
  }
  return { ...spec, headers };
}
