/**
 * Semantic comparison of a request a client library actually built (recorded offline) with the request the
 * explorer shows (`HttpRequestSpec`). Pure.
 *
 * The clients differ from the explorer BY DESIGN in a few documented ways (docs/client-library-rules.md
 * A3, A4, B3, E3). Each accepted difference is a named rule below; everything else is a difference. The result
 * lists the differences (empty = equal) and the rules that were needed, so a report can show how often each
 * deviation occurs.
 */
import type { HttpRequestSpec } from "@/lib/request/types";

export type Client = "python" | "node";

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  /** Header names in any case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

export interface CompareContext {
  readonly client: Client;
  readonly auth: "oauth" | "apiKey" | "none";
  /** The access token the fake sign-in handed out (oauth). */
  readonly accessToken?: string;
  /** The API key the run used (apiKey). */
  readonly apiKey?: string;
  /** The API's `features` include `dataWrapper` (Python wraps the body in `{"data": …}`). */
  readonly dataWrapper?: boolean;
}

export interface Difference {
  /** What differs: `method`, `origin`, `path`, `query`, `header:<name>`, `body`, `auth`. */
  readonly what: string;
  readonly message: string;
}

export interface Comparison {
  readonly differences: readonly Difference[];
  /** Named deviation rules that were applied (each one accepted a real wire difference). */
  readonly rulesApplied: readonly RuleName[];
}

/**
 * The accepted deviations.
 * - `python-alt-json`: google-api-python-client appends `alt=json` (JsonModel) when the explorer sends no `alt`.
 * - `query-encoding`: query values are compared decoded (`+` vs `%20`, `%2C` vs `,`), as multisets (order ignored).
 * - `path-reserved`: percent-escapes in the path are compared decoded, except `%2F` `%3F` `%23` (which change
 *   the path's meaning): Python keeps `:` in `{+x}`, googleapis-common encodes it as `%3A`.
 * - `python-float`: Python sends a number parameter as `str(float(v))`, so `5` → `5.0`.
 * - `api-key-in-query`: the explorer sends the key in `x-goog-api-key`; both libraries send `key=`.
 * - `bearer-token`: the explorer shows `Bearer {ACCESS_TOKEN}`; the run has the fake token.
 * - `python-data-wrapper`: dataWrapper APIs: Python sends `{"data": body}`.
 * - `json-body`: bodies are compared as parsed JSON (key order and whitespace ignored).
 * - `upload-protocol`: Python uploads resumably (`uploadType=resumable`, metadata in the session request); the
 *   explorer and googleapis use multipart/media; `uploadType` is ignored and the JSON metadata part compared.
 * - `python-long-get`: Python turns a GET with a URL over 2048 characters into a POST with
 *   `x-http-method-override: GET` and the query in the body.
 */
export type RuleName =
  | "python-alt-json"
  | "query-encoding"
  | "path-reserved"
  | "python-float"
  | "api-key-in-query"
  | "bearer-token"
  | "python-data-wrapper"
  | "json-body"
  | "upload-protocol"
  | "python-long-get";

function lowerHeaders(h: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

const KEEP_ENCODED = new Set(["%2F", "%3F", "%23", "%25"]);

/** Decodes percent-escapes except the ones that change a path's structure; escapes are upper-cased. */
export function normalisePath(path: string): string {
  return path
    .replace(/%[0-9a-fA-F]{2}/g, (esc) => {
      const up = esc.toUpperCase();
      if (KEEP_ENCODED.has(up)) return up;
      return String.fromCharCode(parseInt(up.slice(1), 16));
    })
    .replace(/[\x80-\xff]+/g, (s) => {
      // Re-assemble UTF-8 sequences that were decoded byte by byte.
      try {
        return decodeURIComponent(
          [...s].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join(""),
        );
      } catch {
        return s;
      }
    });
}

function queryPairs(search: string): [string, string][] {
  return [...new URLSearchParams(search).entries()];
}

const FLOAT_ZERO = /^(-?\d+)\.0$/;

/** Extracts the JSON part of a multipart/related body (explorer description or a real one). */
export function multipartJsonPart(body: string): string | null {
  const m = /content-type:\s*application\/json[^\r\n]*\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(body);
  return m ? m[1]! : null;
}

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).sort();
  const bk = Object.keys(bo).sort();
  return ak.length === bk.length && ak.every((k, i) => k === bk[i] && jsonEqual(ao[k], bo[k]));
}

const show = (v: unknown): string => JSON.stringify(v);

/** Compares `actual` (recorded from a client library) with `expected` (what the explorer shows). */
export function compareRequests(
  expected: HttpRequestSpec,
  actual: RecordedRequest,
  ctx: CompareContext,
): Comparison {
  const diffs: Difference[] = [];
  const rules = new Set<RuleName>();
  const diff = (what: string, message: string): void => {
    diffs.push({ what, message });
  };
  const want = new URL(expected.url);
  let got: URL;
  try {
    got = new URL(actual.url);
  } catch {
    return {
      differences: [{ what: "url", message: `recorded URL does not parse: ${actual.url}` }],
      rulesApplied: [],
    };
  }
  const gotHeaders = lowerHeaders(actual.headers);
  let actualMethod = actual.method.toUpperCase();
  let actualBody = actual.body;
  let actualQuery = queryPairs(got.search);

  // python-long-get
  if (ctx.client === "python" && actualMethod === "POST" && gotHeaders["x-http-method-override"] === "GET") {
    rules.add("python-long-get");
    actualMethod = "GET";
    actualQuery = [...actualQuery, ...queryPairs(actualBody ?? "")];
    actualBody = null;
    delete gotHeaders["x-http-method-override"];
    delete gotHeaders["content-type"];
  }

  if (actualMethod !== expected.method.toUpperCase())
    diff("method", `${actual.method} instead of ${expected.method}`);
  if (got.origin !== want.origin) diff("origin", `${got.origin} instead of ${want.origin}`);

  // Upload: Python's resumable session request; googleapis' multipart — both keep the same path only under
  // /upload/; compare the path either way.
  const upload = want.searchParams.has("uploadType") && /^\/upload\//.test(want.pathname) ? true : false;

  const gotPath = normalisePath(got.pathname);
  const wantPath = normalisePath(want.pathname);
  if (gotPath !== wantPath) diff("path", `${got.pathname} instead of ${want.pathname}`);
  else if (got.pathname !== want.pathname) rules.add("path-reserved");

  // Query.
  let gotPairs = actualQuery.map(([k, v]) => `${k}=${v}`);
  let wantPairs = queryPairs(want.search).map(([k, v]) => `${k}=${v}`);
  if (ctx.client === "python" && !wantPairs.some((p) => p.startsWith("alt="))) {
    const i = gotPairs.indexOf("alt=json");
    if (i !== -1) {
      gotPairs.splice(i, 1);
      rules.add("python-alt-json");
    }
  }
  if (ctx.auth === "apiKey") {
    const key = `key=${ctx.apiKey ?? ""}`;
    const i = gotPairs.indexOf(key);
    if (i === -1) diff("auth", `the API key was not sent as ${key}`);
    else {
      gotPairs.splice(i, 1);
      rules.add("api-key-in-query");
    }
    if (expected.headers["x-goog-api-key"] === undefined)
      diff("auth", "the explorer request has no x-goog-api-key header");
  } else if (gotPairs.some((p) => p.startsWith("key="))) {
    diff("auth", "an API key was sent although the request uses no API key");
  }
  if (upload) {
    const g = gotPairs.find((p) => p.startsWith("uploadType="));
    const w = wantPairs.find((p) => p.startsWith("uploadType="));
    if (g !== w) rules.add("upload-protocol");
    gotPairs = gotPairs.filter((p) => !p.startsWith("uploadType="));
    wantPairs = wantPairs.filter((p) => !p.startsWith("uploadType="));
  }
  if (ctx.client === "python") {
    gotPairs = gotPairs.map((p) => {
      const eq = p.indexOf("=");
      const m = FLOAT_ZERO.exec(p.slice(eq + 1));
      if (!m) return p;
      const orig = wantPairs.includes(p) ? null : `${p.slice(0, eq)}=${m[1]}`;
      if (orig !== null && wantPairs.includes(orig)) {
        rules.add("python-float");
        return orig;
      }
      return p;
    });
  }
  const missing = [...wantPairs];
  const extra: string[] = [];
  for (const p of gotPairs) {
    const i = missing.indexOf(p);
    if (i === -1) extra.push(p);
    else missing.splice(i, 1);
  }
  if (missing.length > 0 || extra.length > 0) {
    diff("query", `missing ${show(missing)}, unexpected ${show(extra)}`);
  } else {
    // Equal decoded: did the encoded text differ (`+` vs `%20`, `%2C` vs `,`)?
    const raw = (search: string): string[] =>
      search
        .replace(/^\?/, "")
        .split("&")
        .filter((p) => p !== "" && !/^(alt|key|uploadType)=/.test(p))
        .sort();
    const a = raw(got.search);
    const b = raw(want.search);
    if (
      a.length === b.length &&
      a.some((p, i) => p !== b[i] && !FLOAT_ZERO.test(p.slice(p.indexOf("=") + 1)))
    )
      rules.add("query-encoding");
  }

  // Auth header.
  if (ctx.auth === "oauth") {
    const want = `Bearer ${ctx.accessToken ?? ""}`;
    if (expected.headers.authorization === undefined)
      diff("auth", "the explorer request has no authorization header");
    if (gotHeaders.authorization !== want)
      diff("header:authorization", `${show(gotHeaders.authorization)} instead of ${show(want)}`);
    else rules.add("bearer-token");
  } else if (gotHeaders.authorization !== undefined) {
    diff("header:authorization", `sent ${show(gotHeaders.authorization)} although the request has no OAuth`);
  }
  if (ctx.auth !== "apiKey" && gotHeaders["x-goog-api-key"] !== undefined)
    diff("header:x-goog-api-key", "sent although the request uses no API key");

  // Other headers that carry meaning.
  const apiVersion = expected.headers["x-goog-api-version"];
  if (apiVersion !== gotHeaders["x-goog-api-version"]) {
    diff(
      "header:x-goog-api-version",
      `${show(gotHeaders["x-goog-api-version"])} instead of ${show(apiVersion)}`,
    );
  }

  // Body.
  let wantBodyText = expected.body;
  let gotBodyText = actualBody;
  if (upload) {
    if (wantBodyText !== null && /^--/.test(wantBodyText)) wantBodyText = multipartJsonPart(wantBodyText);
    else wantBodyText = null; // media-only upload: no metadata
    if (gotBodyText !== null && /^--/.test(gotBodyText)) gotBodyText = multipartJsonPart(gotBodyText);
    else if (gotBodyText !== null && parseJson(gotBodyText).ok === false) gotBodyText = null; // raw media bytes
  } else if (expected.body !== null) {
    const ct = gotHeaders["content-type"] ?? "";
    if (!/^application\/json/i.test(ct))
      diff("header:content-type", `${show(gotHeaders["content-type"])} instead of application/json`);
  }
  const w = parseJson(wantBodyText);
  const g = parseJson(gotBodyText === "" && wantBodyText === null ? null : gotBodyText);
  if (!w.ok) diff("body", "the explorer body is not JSON");
  else if (!g.ok) diff("body", `the recorded body is not JSON: ${String(gotBodyText).slice(0, 200)}`);
  else {
    let gv = g.value;
    if (
      ctx.client === "python" &&
      ctx.dataWrapper &&
      w.value !== null &&
      gv !== null &&
      typeof gv === "object" &&
      !Array.isArray(gv)
    ) {
      const wrapped = gv as Record<string, unknown>;
      const explorerWrapped =
        typeof w.value === "object" &&
        w.value !== null &&
        !Array.isArray(w.value) &&
        Object.keys(w.value).length === 1 &&
        "data" in w.value;
      if (!explorerWrapped && Object.keys(wrapped).length === 1 && "data" in wrapped) {
        gv = wrapped.data;
        rules.add("python-data-wrapper");
      }
    }
    if (!jsonEqual(gv, w.value))
      diff("body", `${show(gv).slice(0, 300)} instead of ${show(w.value).slice(0, 300)}`);
    else if (gotBodyText !== wantBodyText && gotBodyText !== null) rules.add("json-body");
  }
  return { differences: diffs, rulesApplied: [...rules].sort() };
}
