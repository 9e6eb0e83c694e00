/**
 * The semantic comparator: does what a snippet put ON THE WIRE equal the request the explorer shows
 * (`buildHttpRequest`, i.e. `SnippetInput.http`) for the same input? Pure (no IO).
 *
 * Both sides are normalised, then compared strictly: method, host, path, the query (per name, values in order),
 * the JSON body (parsed, deep-equal), the auth header and `x-goog-api-version`. Every difference the client
 * libraries make BY DESIGN is a named rule below, with the place in the library that causes it. Anything not
 * covered by a rule is reported as a difference (compare.test.ts proves the comparator fails on real ones).
 *
 * Sources: docs/client-library-rules.md A3 (Python query/path/headers), A4 (uploads,
 * dataWrapper, paging), B3 (googleapis), E3; lib/codegen/targets/python/client.ts (documented snippet deviations).
 */
import type { SnippetInput } from "@/lib/codegen/types";
import type { HttpRequestSpec, JsonValue } from "@/lib/request/types";

import { parseMultipart, type UploadPart } from "../fake-google/multipart";

/**
 * The allowed differences. The key is the rule id reported in `CompareResult.rules`.
 * "Standing" rules (normalisations that apply to every request) are listed too, so the table is complete.
 */
export const RULES = {
  /**
   * Standing. Query strings are compared after form-decoding (`+` = space, `%XX` = byte): Python's
   * `urllib.parse.urlencode` (googleapiclient/model.py `BaseModel._build_query`) writes a space as `+`;
   * googleapis (googleapis-common apirequest.js `qs.stringify(..., {arrayFormat: 'repeat'})`) and the explorer
   * (lib/request/build.ts `encodeQueryComponent`) write `%20` and encode a literal `+` as `%2B`.
   */
  "query-form-decoding": "query compared form-decoded: `+` and `%20` are both a space",
  /**
   * Standing. Query pairs are compared per name, values in order; the order BETWEEN names is free. Python orders
   * by keyword-argument order, then `key`, then `alt` (model.py `_build_query`); googleapis by object key order;
   * the explorer by `method.parameters` order (build.ts `buildQueryPairs`).
   */
  "query-order": "order between different query names is not significant",
  /**
   * Standing. Paths are compared after decoding every `%XX` except `%2F` `%3F` `%23` `%25` (which would change
   * the path's structure). `{+x}`: googleapis-common 9 transcoding.js `validateAndEncodeParams` pre-encodes
   * reserved characters such as `:` (`%3A`), Python's `uritemplate` keeps them (`:`) like RFC 6570 and the
   * explorer (lib/request/uri-template.ts). Google's servers treat both spellings alike inside a segment.
   */
  "path-percent-encoding": "path compared percent-decoded (except %2F %3F %23 %25)",
  /**
   * Python's JsonModel always appends `alt=json` (googleapiclient/model.py `JsonModel.alt_param = "json"`,
   * used by `BaseModel._build_query`); googleapis and the explorer send no `alt` (build.ts module comment).
   * Removed only when the explorer request itself has no `alt`.
   */
  "python-alt-json": "Python adds alt=json",
  /**
   * The explorer sends the API key as `x-goog-api-key: {API_KEY}` (build.ts `authHeaders`, never in the URL);
   * both libraries send `key=<key>` in the query: Python `developerKey` (discovery.py `createMethod` →
   * `actual_query_params["key"]`), googleapis `auth: '<key>'` (apirequest.js `params.key = params.key ||
   * authClient`). The value must be the configured key.
   */
  "api-key-in-query": "API key as key= query parameter instead of the x-goog-api-key header",
  /**
   * The explorer shows `authorization: Bearer {ACCESS_TOKEN}` (build.ts ACCESS_TOKEN_PLACEHOLDER); on the wire
   * the placeholder must be exactly the access token the fake issued in this run's token exchange.
   */
  "oauth-bearer-token": "{ACCESS_TOKEN} placeholder = the token the fake issued",
  /**
   * Python casts `type: number` parameters with `str(float(v))` (discovery.py `_cast`), so `52` goes out as
   * `52.0`; googleapis and the explorer print the JSON number (`52`). Values of number-typed parameters are
   * compared as numbers (Python only).
   */
  "python-number-float": "Python sends number parameters as floats (52 → 52.0)",
  /**
   * Python snippets upload with `MediaFileUpload(..., resumable=True)` (lib/codegen/targets/python/client.ts:
   * "The upload is resumable (uploadType=resumable); the explorer shows a single multipart request").
   * google-api-python-client then POSTs the JSON metadata (or an empty body) with `uploadType=resumable` and
   * `x-upload-content-type` (http.py `HttpRequest.next_chunk`), then PUTs the bytes to the session URI the
   * server returned. The explorer's `uploadType` (multipart|media) is replaced by `resumable`; the metadata and
   * the bytes are compared part by part.
   */
  "python-resumable-upload":
    "Python uploads resumably (start POST + PUT of the bytes) instead of multipart/media",
  /**
   * On uploads, Python snippets send multi-valued repeated parameters comma-separated (`part=snippet,status`):
   * google-api-python-client's `_add_query_parameter` (adding `uploadType`) raises `ValueError: URL-encoded
   * content contains a repeated value` on repeated keys (lib/codegen/targets/python/client.ts
   * `multiValuedParams`, lib/codegen/README.md "Deviations found by running the snippets").
   */
  "python-upload-repeated-joined": "Python joins multi-valued repeated parameters with ',' on uploads",
  /**
   * APIs with `features: ["dataWrapper"]` (translate v2): Python's JsonModel wraps the body as `{"data": …}`
   * (googleapiclient/model.py `JsonModel.serialize`, `data_wrapper`); googleapis and the explorer send it as
   * given (client-library-rules.md A4/B3).
   */
  "python-data-wrapper": 'Python wraps dataWrapper bodies in {"data": …}',
  /**
   * google-api-python-client turns a GET whose URI is longer than 2048 characters into a POST with
   * `x-http-method-override: GET`, `content-type: application/x-www-form-urlencoded` and the query string as the
   * body (googleapiclient/http.py `HttpRequest.execute`, `MAX_URI_LENGTH = 2048`). Google reads it as the GET.
   * Applied only to Python, only when the explorer shows a GET and the reconstituted URI is really > 2048.
   */
  "python-long-get-override":
    "Python sends a > 2048-character GET as POST + x-http-method-override, query in the body",
  /**
   * "All pages" loops: page N > 1 is the explorer request plus `pageToken=<nextPageToken of page N-1>`
   * (Python `<m>_next` or the explicit loop, googleapis loop on `res.data.nextPageToken`).
   */
  "all-pages-page-token": "later pages add pageToken=<previous nextPageToken>",
  /**
   * Standing. Headers the libraries add on their own are not part of the explorer request and are ignored:
   * user-agent, x-goog-api-client, accept, accept-encoding, content-length, range, host, connection, and the
   * multipart boundary. Compared: authorization, x-goog-api-key/key, x-goog-api-version, content-type family.
   */
  "library-headers": "library-added headers (user-agent, x-goog-api-client, accept…) are ignored",
} as const;

export type RuleId = keyof typeof RULES;

/** One request as the fake Google recorded it (structurally a subset of testing/fake-google RecordedRequest). */
export interface WireRequest {
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** Everything after "?" exactly as sent. Preferred over `query` when present. */
  readonly rawQuery?: string;
  /** Decoded pairs (used when rawQuery is absent). */
  readonly query?: readonly (readonly [string, string])[];
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
}

export interface CompareContext {
  readonly language: "python" | "typescript";
  readonly input: SnippetInput;
  /** The access token the fake issued to this run (OAuth). */
  readonly accessToken?: string;
  /** The API key the snippet was given (GOOGLE_API_KEY). */
  readonly apiKey?: string;
  /** The bytes of the uploaded file (uploads). */
  readonly media?: Buffer;
  /** Page N > 1 of an all-pages loop: the pageToken it must carry. */
  readonly pageToken?: string;
}

export interface CompareResult {
  readonly ok: boolean;
  readonly differences: string[];
  /** Non-standing rules that actually changed something for this comparison. */
  readonly rules: RuleId[];
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisers (exported for the unit tests)

const PROTECT = "\uE000";

/** Percent-decodes a path except %2F %3F %23 %25 (kept, upper-cased). Malformed escapes: compared raw. */
export function normalisePath(p: string): string {
  const guarded = p.replace(/%(2F|3F|23|25)/gi, (m) => PROTECT + m.slice(1).toUpperCase());
  let decoded: string;
  try {
    decoded = decodeURIComponent(guarded);
  } catch {
    decoded = guarded;
  }
  return decoded.split(PROTECT).join("%");
}

/** Form-decodes a raw query string into ordered pairs (`+` = space). */
export function decodeQuery(raw: string): [string, string][] {
  return [...new URLSearchParams(raw)];
}

function group(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = m.get(k) ?? [];
    list.push(v);
    m.set(k, list);
  }
  return m;
}

/** Structural JSON equality: key order free, arrays ordered, numbers by value (0 === -0). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i]));
  }
  if (typeof a === "object") {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const ak = Object.keys(ao);
    const bk = Object.keys(bo);
    if (ak.length !== bk.length) return false;
    return ak.every((k) => Object.prototype.hasOwnProperty.call(bo, k) && jsonEqual(ao[k], bo[k]));
  }
  return false;
}

export { parseMultipart };
export type MultipartPart = UploadPart;

const asBuffer = (b: string | Buffer): Buffer => (typeof b === "string" ? Buffer.from(b, "utf8") : b);

function parseJson(b: string | Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(asBuffer(b).toString("utf8")) as unknown };
  } catch {
    return { ok: false };
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Compares ONE logical API call with the explorer request `expected`.
 * `wire` is what the snippet sent for it: one request, or for Python uploads [resumable start, PUT of the bytes].
 */
export function compareWithExplorer(
  expected: HttpRequestSpec,
  wire: readonly WireRequest[],
  ctx: CompareContext,
): CompareResult {
  const diffs: string[] = [];
  const rules = new Set<RuleId>();
  const first = wire[0];
  if (first === undefined) return { ok: false, differences: ["no request on the wire"], rules: [] };

  const want = new URL(expected.url);
  const { input, language } = ctx;
  const upload = input.method.supportsMediaUpload && input.media !== null;
  const explorerUploadType = upload
    ? (decodeQuery(want.search.slice(1)).find(([k]) => k === "uploadType")?.[1] ?? null)
    : null;
  const pythonResumable = upload && language === "python";

  // ---- method, host, path
  let method = first.method.toUpperCase();
  let rawQuery =
    first.rawQuery !== undefined
      ? first.rawQuery
      : new URLSearchParams((first.query ?? []).map(([k, v]) => [k, v])).toString();
  let body: string | Buffer = first.body;
  if (
    language === "python" &&
    expected.method.toUpperCase() === "GET" &&
    method === "POST" &&
    first.headers["x-http-method-override"] === "GET" &&
    /^application\/x-www-form-urlencoded/i.test(first.headers["content-type"] ?? "") &&
    rawQuery === ""
  ) {
    const formQuery = asBuffer(first.body).toString("utf8");
    if (`https://${first.host}${first.path}?${formQuery}`.length > 2048) {
      method = "GET";
      rawQuery = formQuery;
      body = "";
      rules.add("python-long-get-override");
    }
  }
  if (method !== expected.method.toUpperCase())
    diffs.push(`method: explorer ${expected.method}, wire ${first.method}`);
  if (first.host.toLowerCase() !== want.hostname.toLowerCase())
    diffs.push(`host: explorer ${want.hostname}, wire ${first.host}`);
  const wantPath = normalisePath(want.pathname);
  const gotPath = normalisePath(first.path);
  if (wantPath !== gotPath)
    diffs.push(`path: explorer ${wantPath} (${want.pathname}), wire ${gotPath} (${first.path})`);

  // ---- query
  const expectedPairs = group(decodeQuery(want.search.slice(1)));
  const actualPairs = group(decodeQuery(rawQuery));

  if (ctx.pageToken !== undefined) {
    expectedPairs.set("pageToken", [ctx.pageToken]);
    rules.add("all-pages-page-token");
  }
  if (language === "python" && !expectedPairs.has("alt")) {
    const alt = actualPairs.get("alt");
    if (alt !== undefined && alt.length === 1 && alt[0] === "json") {
      actualPairs.delete("alt");
      rules.add("python-alt-json");
    }
  }
  if (expected.headers["x-goog-api-key"] !== undefined) {
    const key = actualPairs.get("key");
    if (key !== undefined) {
      if (key.length !== 1 || key[0] !== ctx.apiKey)
        diffs.push(`api key: wire key=${show(key)}, expected the configured key ${show(ctx.apiKey)}`);
      actualPairs.delete("key");
      rules.add("api-key-in-query");
    } else if (first.headers["x-goog-api-key"] !== ctx.apiKey) {
      diffs.push(`api key: neither key= nor x-goog-api-key carries the configured key`);
    }
  }
  if (pythonResumable) {
    const ut = actualPairs.get("uploadType");
    if (ut === undefined || ut.length !== 1 || ut[0] !== "resumable")
      diffs.push(`upload: Python must start a resumable upload, wire uploadType=${show(ut)}`);
    actualPairs.delete("uploadType");
    expectedPairs.delete("uploadType");
    rules.add("python-resumable-upload");
    for (const p of input.params) {
      if (p.model.repeated && Array.isArray(p.value) && p.value.length > 1 && expectedPairs.has(p.name)) {
        expectedPairs.set(p.name, [(expectedPairs.get(p.name) ?? []).join(",")]);
        rules.add("python-upload-repeated-joined");
      }
    }
  }
  if (language === "python") {
    const numberParams = new Set(
      input.method.parameters.filter((p) => p.type === "number").map((p) => p.name),
    );
    for (const name of numberParams) {
      const e = expectedPairs.get(name);
      const a = actualPairs.get(name);
      if (e === undefined || a === undefined) continue;
      const canon = (v: string) => (v.trim() !== "" && Number.isFinite(Number(v)) ? String(Number(v)) : v);
      if (
        a.join("\u0001") !== e.join("\u0001") &&
        a.map(canon).join("\u0001") === e.map(canon).join("\u0001")
      ) {
        actualPairs.set(name, e);
        rules.add("python-number-float");
      }
    }
  }
  for (const name of new Set([...expectedPairs.keys(), ...actualPairs.keys()])) {
    const e = expectedPairs.get(name);
    const a = actualPairs.get(name);
    if (e === undefined) diffs.push(`query: unexpected ${name}=${show(a)} on the wire`);
    else if (a === undefined) diffs.push(`query: ${name}=${show(e)} missing on the wire`);
    else if (e.length !== a.length || e.some((v, i) => v !== a[i]))
      diffs.push(`query ${name}: explorer ${show(e)}, wire ${show(a)}`);
  }

  // ---- headers
  const auth = expected.headers.authorization;
  if (auth !== undefined) {
    const want = auth.replace("{ACCESS_TOKEN}", ctx.accessToken ?? "<no token issued>");
    if (first.headers.authorization !== want)
      diffs.push(`authorization: expected ${show(want)}, wire ${show(first.headers.authorization)}`);
    else rules.add("oauth-bearer-token");
  } else if (first.headers.authorization !== undefined) {
    diffs.push(`authorization: explorer sends none, wire ${show(first.headers.authorization)}`);
  }
  const apiVersion = expected.headers["x-goog-api-version"];
  if (apiVersion !== first.headers["x-goog-api-version"])
    diffs.push(
      `x-goog-api-version: explorer ${show(apiVersion)}, wire ${show(first.headers["x-goog-api-version"])}`,
    );
  if (expected.headers["x-goog-api-key"] === undefined && first.headers["x-goog-api-key"] !== undefined)
    diffs.push(`x-goog-api-key: explorer sends none, wire has one`);

  // ---- body
  const gotCt = (first.headers["content-type"] ?? "").toLowerCase();
  if (upload) {
    compareUpload(expected, wire, ctx, explorerUploadType, diffs);
  } else if (expected.body === null) {
    if (asBuffer(body).length !== 0)
      diffs.push(`body: explorer sends none, wire ${show(asBuffer(body).toString("utf8"))}`);
  } else {
    if (!gotCt.startsWith("application/json"))
      diffs.push(`content-type: explorer application/json, wire ${show(gotCt)}`);
    const got = parseJson(first.body);
    const shown = JSON.parse(expected.body) as JsonValue;
    if (!got.ok) diffs.push(`body: wire body is not JSON: ${show(asBuffer(first.body).toString("utf8"))}`);
    else {
      let value = got.value;
      if (language === "python" && input.api.dataWrapper) {
        const wrapped = value as Record<string, unknown> | null;
        if (
          wrapped &&
          typeof wrapped === "object" &&
          !Array.isArray(wrapped) &&
          Object.keys(wrapped).length === 1 &&
          "data" in wrapped
        ) {
          value = wrapped.data;
          rules.add("python-data-wrapper");
        } else diffs.push(`body: Python must wrap a dataWrapper body in {"data": …}, wire ${show(value)}`);
      }
      if (!jsonEqual(value, shown)) diffs.push(`body: explorer ${show(shown)}, wire ${show(value)}`);
    }
  }

  // Only the resumable upload may take more than one wire request.
  if (!pythonResumable && wire.length > 1) diffs.push(`${wire.length} wire requests for one call`);

  return { ok: diffs.length === 0, differences: diffs, rules: [...rules] };
}

/** Uploads: metadata (JSON) and bytes, per protocol (explorer multipart/media; TS same; Python resumable). */
function compareUpload(
  expected: HttpRequestSpec,
  wire: readonly WireRequest[],
  ctx: CompareContext,
  explorerUploadType: string | null,
  diffs: string[],
): void {
  const first = wire[0] as WireRequest;
  const mime = ctx.input.media?.mimeType || "application/octet-stream";
  const media = ctx.media;
  if (media === undefined) {
    diffs.push("upload: the comparator needs the file's bytes (ctx.media)");
    return;
  }
  // What the explorer shows: multipart → [JSON metadata, media]; media → just the bytes.
  let metadata: unknown = null;
  if (explorerUploadType === "multipart") {
    const parts = parseMultipart(
      Buffer.from(expected.body ?? "", "utf8"),
      expected.headers["content-type"] ?? "",
    );
    const json = parts?.[0] ? parseJson(parts[0].body) : { ok: false as const };
    if (!parts || parts.length !== 2 || !json.ok) {
      diffs.push(`upload: cannot read the explorer's multipart description`);
      return;
    }
    metadata = json.value;
    if (parts[1]?.headers["content-type"] !== mime)
      diffs.push(`upload: explorer media part type ${parts[1]?.headers["content-type"]} != ${mime}`);
  } else if (explorerUploadType !== "media") {
    diffs.push(`upload: explorer uploadType ${show(explorerUploadType)} (expected multipart or media)`);
    return;
  }

  if (ctx.language === "python") {
    // Start: POST metadata (or nothing) with x-upload-content-type; then PUT the bytes to the session.
    if ((first.headers["x-upload-content-type"] ?? "") !== mime)
      diffs.push(
        `upload: x-upload-content-type ${show(first.headers["x-upload-content-type"])}, expected ${mime}`,
      );
    const startBody = asBuffer(first.body);
    if (metadata === null) {
      if (startBody.length !== 0)
        diffs.push(`upload: resumable start carries a body, explorer sends no metadata`);
    } else {
      const got = parseJson(startBody);
      if (!got.ok || !jsonEqual(got.value, metadata))
        diffs.push(
          `upload metadata: explorer ${show(metadata)}, wire ${show(got.ok ? got.value : startBody.toString("utf8"))}`,
        );
    }
    const data = wire[1];
    if (data === undefined) {
      diffs.push("upload: no PUT of the bytes after the resumable start");
      return;
    }
    if (data.method.toUpperCase() !== "PUT")
      diffs.push(`upload: bytes sent with ${data.method}, expected PUT`);
    if (data.host !== first.host || normalisePath(data.path) !== normalisePath(first.path))
      diffs.push(
        `upload: bytes sent to ${data.host}${data.path}, not to the session of ${first.host}${first.path}`,
      );
    const dq = data.rawQuery !== undefined ? decodeQuery(data.rawQuery) : [...(data.query ?? [])];
    if (!dq.some(([k]) => k === "upload_id"))
      diffs.push("upload: the PUT does not address an upload session (upload_id)");
    if (!asBuffer(data.body).equals(media))
      diffs.push(`upload: bytes differ (${asBuffer(data.body).length} sent, ${media.length} expected)`);
    if (wire.length > 2) diffs.push(`upload: ${wire.length} wire requests, expected 2`);
    return;
  }

  // TypeScript: googleapis picks multipart with requestBody, media without — the same as the explorer.
  const ct = first.headers["content-type"] ?? "";
  if (explorerUploadType === "multipart") {
    const parts = parseMultipart(asBuffer(first.body), ct);
    if (!/^multipart\/related/i.test(ct) || !parts || parts.length !== 2) {
      diffs.push(
        `upload: wire is not a 2-part multipart/related body (content-type ${show(ct)}, ${parts?.length ?? "no"} parts)`,
      );
      return;
    }
    const [meta, bytes] = parts as [MultipartPart, MultipartPart];
    const got = parseJson(meta.body);
    if (!/^application\/json/i.test(meta.headers["content-type"] ?? ""))
      diffs.push(`upload: metadata part type ${show(meta.headers["content-type"])}`);
    if (!got.ok || !jsonEqual(got.value, metadata))
      diffs.push(
        `upload metadata: explorer ${show(metadata)}, wire ${show(got.ok ? got.value : meta.body.toString("utf8"))}`,
      );
    if (bytes.headers["content-type"] !== mime)
      diffs.push(`upload: media part type ${show(bytes.headers["content-type"])}, expected ${mime}`);
    if (!bytes.body.equals(media))
      diffs.push(`upload: bytes differ (${bytes.body.length} sent, ${media.length} expected)`);
  } else {
    if (ct.split(";")[0]?.trim() !== mime) diffs.push(`upload: content-type ${show(ct)}, expected ${mime}`);
    if (!asBuffer(first.body).equals(media))
      diffs.push(`upload: bytes differ (${asBuffer(first.body).length} sent, ${media.length} expected)`);
  }
}
