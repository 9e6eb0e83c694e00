/**
 * Unit tests of the semantic comparator (./compare.ts): every allowed difference passes only under its rule and
 * only for the language that makes it; real differences (missing/extra/different params, path, host, method,
 * body fields, credentials, api version, upload bytes) fail. Inputs are real requests from ./cases.ts.
 */
import { existsSync } from "node:fs";

import { describe, expect, it } from "vitest";

import type { HttpRequestSpec } from "@/lib/request/types";
import { PYTHON } from "@/testing/fake-google/run-snippet";

import { loadCase, MEDIA_BYTES, type E2eCase } from "./cases";
import {
  compareWithExplorer,
  decodeQuery,
  jsonEqual,
  normalisePath,
  parseMultipart,
  RULES,
  type CompareContext,
  type WireRequest,
} from "./compare";

const TOKEN = "ya29.fake-1-abc";
const KEY = "AIzaFakeKey";

describe("normalisers", () => {
  it("normalisePath decodes everything but / ? # % and is case-insensitive in hex", () => {
    expect(normalisePath("/v1/projects/p/secrets/a%3Ab:getIamPolicy")).toBe(
      "/v1/projects/p/secrets/a:b:getIamPolicy",
    );
    expect(normalisePath("/v1/a%3ab")).toBe(normalisePath("/v1/a:b"));
    expect(normalisePath("/b/x/o/folder%2Ffile")).toBe("/b/x/o/folder%2Ffile");
    expect(normalisePath("/b/x/o/folder%2ffile")).toBe("/b/x/o/folder%2Ffile");
    expect(normalisePath("/b/x/o/folder%2Ffile")).not.toBe(normalisePath("/b/x/o/folder/file"));
    expect(normalisePath("/a%3Fb%23c%25d")).toBe("/a%3Fb%23c%25d");
    expect(normalisePath("/Sheet%201%21A1%3AC2/%C3%A9")).toBe("/Sheet 1!A1:C2/é");
    expect(normalisePath("/bad%E0%A4%A")).toBe("/bad%E0%A4%A"); // malformed: compared raw
  });

  it("decodeQuery form-decodes: + and %20 are a space, %2B is a plus", () => {
    expect(decodeQuery("q=a+b&q=a%20b&r=a%2Bb")).toEqual([
      ["q", "a b"],
      ["q", "a b"],
      ["r", "a+b"],
    ]);
  });

  it("jsonEqual: key order free, array order significant, 0 and -0 equal, types strict", () => {
    expect(jsonEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 0 }, { a: -0 })).toBe(true);
    expect(jsonEqual({ a: "1" }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: null }, {})).toBe(false);
    expect(jsonEqual({ a: { b: true } }, { a: { b: true, c: 1 } })).toBe(false);
  });

  it("parseMultipart reads CRLF and LF bodies and keeps binary bytes", () => {
    const bin = Buffer.from([0, 255, 13, 10, 65]);
    const body = Buffer.concat([
      Buffer.from(
        '--xyz\r\ncontent-type: application/json\r\n\r\n{"a":1}\r\n--xyz\r\ncontent-type: image/png\r\n\r\n',
      ),
      bin,
      Buffer.from("\r\n--xyz--"),
    ]);
    const parts = parseMultipart(body, "multipart/related; boundary=xyz");
    expect(parts?.map((p) => p.headers["content-type"])).toEqual(["application/json", "image/png"]);
    expect(parts?.[1]?.body.equals(bin)).toBe(true);
    expect(
      parseMultipart(
        Buffer.from("--b\ncontent-type: text/plain\n\nhi\n--b--"),
        'multipart/related; boundary="b"',
      )?.[0]?.body.toString(),
    ).toBe("hi");
    expect(parseMultipart(body, "multipart/related")).toBeUndefined();
  });

  it("every rule is documented", () => {
    for (const [id, text] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z0-9-]+$/);
      expect(text.length).toBeGreaterThan(10);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** A wire request built from the explorer's spec the way a library would send it, with edits. */
function wire(
  spec: HttpRequestSpec,
  edit: {
    method?: string;
    host?: string;
    path?: string;
    /** Replaces the query (raw, as sent). */
    rawQuery?: string;
    /** Appended to the spec's query (raw). */
    addQuery?: string;
    headers?: Record<string, string | undefined>;
    body?: string | Buffer;
  } = {},
): WireRequest {
  const u = new URL(spec.url);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...spec.headers, ...edit.headers }))
    if (v !== undefined) headers[k] = v;
  if (headers.authorization) headers.authorization = headers.authorization.replace("{ACCESS_TOKEN}", TOKEN);
  if (headers["x-goog-api-key"]) delete headers["x-goog-api-key"];
  let rawQuery = edit.rawQuery ?? u.search.slice(1);
  if (spec.headers["x-goog-api-key"] && edit.rawQuery === undefined)
    rawQuery += `${rawQuery ? "&" : ""}key=${KEY}`;
  if (edit.addQuery) rawQuery += `${rawQuery ? "&" : ""}${edit.addQuery}`;
  return {
    method: edit.method ?? spec.method,
    host: edit.host ?? u.hostname,
    path: edit.path ?? u.pathname,
    rawQuery,
    headers: { "user-agent": "some-library/1.0", "x-goog-api-client": "gl-node/20", ...headers },
    body: edit.body ?? spec.body ?? "",
  };
}

const haveVenv = existsSync(PYTHON);

const omit = <V>(o: Readonly<Record<string, V>>, key: string): Record<string, V> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

describe.skipIf(!haveVenv)("compareWithExplorer", () => {
  const load = (name: string): E2eCase => {
    try {
      return loadCase(name, "snippets-e2e");
    } catch {
      return loadCase(name, "codegen-fixture");
    }
  };
  const ctx = (
    c: E2eCase,
    language: CompareContext["language"],
    extra: Partial<CompareContext> = {},
  ): CompareContext => ({
    language,
    input: c.input,
    accessToken: TOKEN,
    apiKey: KEY,
    media: c.input.media ? MEDIA_BYTES : undefined,
    ...extra,
  });
  const cmp = (
    c: E2eCase,
    w: WireRequest | WireRequest[],
    language: CompareContext["language"],
    extra?: Partial<CompareContext>,
  ) => compareWithExplorer(c.input.http, Array.isArray(w) ? w : [w], ctx(c, language, extra));

  const calendar = load("calendar-events-list-repeated");
  const spec = calendar.input.http;

  it("the explorer request itself passes for both languages (baseline)", () => {
    expect(cmp(calendar, wire(spec), "typescript")).toEqual({
      ok: true,
      differences: [],
      rules: ["oauth-bearer-token"],
    });
    expect(cmp(calendar, wire(spec), "python").ok).toBe(true);
  });

  it("python-alt-json: Python's alt=json is allowed for Python only", () => {
    const w = wire(spec, { addQuery: "alt=json" });
    expect(cmp(calendar, w, "python")).toMatchObject({
      ok: true,
      rules: expect.arrayContaining(["python-alt-json"]),
    });
    expect(cmp(calendar, w, "typescript").differences).toEqual([
      'query: unexpected alt=["json"] on the wire',
    ]);
    // when the explorer sends alt itself (downloads), alt must match exactly
    const dl = load("drive-files-get-download");
    expect(cmp(dl, wire(dl.input.http), "python").ok).toBe(true);
    const wrongAlt = wire(dl.input.http, {
      rawQuery: new URL(dl.input.http.url).search.slice(1).replace("alt=media", "alt=json"),
    });
    expect(cmp(dl, wrongAlt, "python").ok).toBe(false);
  });

  it("query-form-decoding and query-order: + vs %20 and a different order between names pass", () => {
    // names in reverse alphabetical order; values of one name keep their order (a stable sort)
    const pairs = decodeQuery(new URL(spec.url).search.slice(1)).sort(([a], [b]) =>
      a < b ? 1 : a > b ? -1 : 0,
    );
    const pythonish = new URLSearchParams(pairs).toString(); // spaces as +
    expect(pythonish).toContain("+");
    expect(cmp(calendar, wire(spec, { rawQuery: pythonish }), "typescript").ok).toBe(true);
  });

  it("fails on a missing parameter, an extra one, a different value and a different order of repeated values", () => {
    const q = new URL(spec.url).search.slice(1);
    const missing = wire(spec, { rawQuery: q.replace(/&?showDeleted=false/, "") });
    expect(cmp(calendar, missing, "typescript").differences).toEqual([
      'query: showDeleted=["false"] missing on the wire',
    ]);
    expect(cmp(calendar, wire(spec, { addQuery: "maxAttendees=3" }), "python").differences).toEqual([
      'query: unexpected maxAttendees=["3"] on the wire',
    ]);
    const boolTrue = wire(spec, { rawQuery: q.replace("showDeleted=false", "showDeleted=true") });
    expect(cmp(calendar, boolTrue, "python").differences).toEqual([
      'query showDeleted: explorer ["false"], wire ["true"]',
    ]);
    const swapped = wire(spec, {
      rawQuery: q.replace(
        "eventTypes=default&eventTypes=focusTime",
        "eventTypes=focusTime&eventTypes=default",
      ),
    });
    expect(cmp(calendar, swapped, "typescript").ok).toBe(false);
    const oneOfTwo = wire(spec, { rawQuery: q.replace("&eventTypes=focusTime", "") });
    expect(cmp(calendar, oneOfTwo, "typescript").ok).toBe(false);
    const joined = wire(spec, {
      rawQuery: q.replace("eventTypes=default&eventTypes=focusTime", "eventTypes=default%2CfocusTime"),
    });
    expect(cmp(calendar, joined, "python").ok).toBe(false); // joining is allowed on Python UPLOADS only
    const plus = wire(spec, { rawQuery: q.replace("x%3Dy%2Bz", "x%3Dy+z") }); // literal + sent unencoded = a space
    expect(cmp(calendar, plus, "typescript").ok).toBe(false);
  });

  it("fails on a different path, host or method; path-percent-encoding allows %3A vs : only", () => {
    const u = new URL(spec.url);
    expect(
      cmp(
        calendar,
        wire(spec, { path: u.pathname.replace("primary%40example.com", "primary%40example.org") }),
        "typescript",
      ).ok,
    ).toBe(false);
    expect(cmp(calendar, wire(spec, { path: u.pathname.replace("%40", "@") }), "typescript").ok).toBe(true); // same segment
    expect(cmp(calendar, wire(spec, { host: "calendar.googleapis.com" }), "typescript").ok).toBe(false);
    expect(cmp(calendar, wire(spec, { method: "POST" }), "typescript").ok).toBe(false);

    const colon = load("secretmanager-getiampolicy-colon");
    const cu = new URL(colon.input.http.url);
    expect(cu.pathname).toBe("/v1/projects/my-project/secrets/db:password:getIamPolicy");
    const ts = wire(colon.input.http, { path: "/v1/projects/my-project/secrets/db%3Apassword:getIamPolicy" });
    expect(cmp(colon, ts, "typescript").ok).toBe(true);
    const slash = wire(colon.input.http, {
      path: "/v1/projects/my-project/secrets/db%2Fpassword:getIamPolicy",
    });
    expect(cmp(colon, slash, "typescript").ok).toBe(false);
    const object = load("storage-objects-get-int64");
    const ou = new URL(object.input.http.url);
    expect(ou.pathname).toContain("folder%2Ffile%20name%2B1.txt");
    const unescapedSlash = wire(object.input.http, { path: ou.pathname.replace("folder%2F", "folder/") });
    expect(cmp(object, unescapedSlash, "python").ok).toBe(false); // {object} must keep / encoded
  });

  it("oauth-bearer-token: the token must be exactly the issued one; no auth header where the explorer sends none", () => {
    expect(
      cmp(calendar, wire(spec, { headers: { authorization: "Bearer ya29.other" } }), "python").differences[0],
    ).toMatch(/^authorization/);
    expect(cmp(calendar, wire(spec, { headers: { authorization: undefined } }), "python").ok).toBe(false);
    const none = load("pagespeedonline-runpagespeed-none");
    expect(cmp(none, wire(none.input.http), "python").ok).toBe(true);
    expect(cmp(none, wire(none.input.http, { headers: { authorization: "Bearer x" } }), "python").ok).toBe(
      false,
    );
    expect(cmp(none, wire(none.input.http, { addQuery: `key=${KEY}` }), "typescript").ok).toBe(false);
  });

  it("api-key-in-query: key=<configured key> replaces x-goog-api-key; a wrong or missing key fails", () => {
    const pollen = load("pollen-forecast-lookup-number-apikey");
    const p = pollen.input.http;
    expect(p.headers["x-goog-api-key"]).toBe("{API_KEY}");
    expect(cmp(pollen, wire(p), "typescript")).toMatchObject({ ok: true, rules: ["api-key-in-query"] });
    const q = new URL(p.url).search.slice(1);
    expect(cmp(pollen, wire(p, { rawQuery: `${q}&key=wrong` }), "typescript").ok).toBe(false);
    expect(cmp(pollen, wire(p, { rawQuery: q }), "typescript").ok).toBe(false);
    expect(cmp(pollen, wire(p, { rawQuery: q, headers: { "x-goog-api-key": KEY } }), "typescript").ok).toBe(
      false,
    ); // wire() strips it…
    const viaHeader: WireRequest = { ...wire(p, { rawQuery: q }), headers: { "x-goog-api-key": KEY } };
    expect(cmp(pollen, viaHeader, "typescript").ok).toBe(true); // …but a header carrying the key is fine too
  });

  it("python-number-float: 52 vs 52.0 for number params, Python only; a different number still fails", () => {
    const pollen = load("pollen-forecast-lookup-number-apikey");
    const q = new URL(pollen.input.http.url).search.slice(1);
    expect(q).toContain("location.latitude=52&");
    const py = `${q.replace("location.latitude=52&", "location.latitude=52.0&")}&key=${KEY}&alt=json`;
    expect(cmp(pollen, wire(pollen.input.http, { rawQuery: py }), "python")).toMatchObject({
      ok: true,
      rules: expect.arrayContaining(["python-number-float", "python-alt-json", "api-key-in-query"]),
    });
    expect(cmp(pollen, wire(pollen.input.http, { rawQuery: py }), "typescript").ok).toBe(false);
    const off = `${q.replace("location.latitude=52&", "location.latitude=52.5&")}&key=${KEY}`;
    expect(cmp(pollen, wire(pollen.input.http, { rawQuery: off }), "python").ok).toBe(false);
    const days = `${q.replace("days=3", "days=3.0")}&key=${KEY}`; // integer params are not floats in Python
    expect(cmp(pollen, wire(pollen.input.http, { rawQuery: days }), "python").ok).toBe(false);
  });

  it("JSON body: deep-equal after parsing; a missing, extra or changed field fails", () => {
    const tasks = load("tasks-tasks-insert-nasty-body-token-cache");
    const t = tasks.input.http;
    const body = JSON.parse(t.body ?? "null") as Record<string, unknown>;
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 1);
    expect(cmp(tasks, wire(t, { body: reordered }), "python").ok).toBe(true);
    const noNotes = omit(body, "notes");
    expect(cmp(tasks, wire(t, { body: JSON.stringify(noNotes) }), "python").differences[0]).toMatch(
      /^body: explorer/,
    );
    expect(cmp(tasks, wire(t, { body: JSON.stringify({ ...body, extra: 1 }) }), "typescript").ok).toBe(false);
    const changed = { ...body, title: (body.title as string).replace("\\", "/") };
    expect(cmp(tasks, wire(t, { body: JSON.stringify(changed) }), "typescript").ok).toBe(false);
    expect(cmp(tasks, wire(t, { body: "not json" }), "typescript").ok).toBe(false);
    expect(cmp(tasks, wire(t, { headers: { "content-type": "text/plain" } }), "typescript").ok).toBe(false);
    const get = load("tasks-tasks-list-booleans");
    expect(cmp(get, wire(get.input.http, { body: "{}" }), "typescript").ok).toBe(false); // body where none is shown
  });

  it("python-data-wrapper: {data: …} is required from Python and refused from TypeScript", () => {
    const tr = load("translate-v2-translate-datawrapper");
    const t = tr.input.http;
    const wrapped = JSON.stringify({ data: JSON.parse(t.body ?? "null") });
    expect(cmp(tr, wire(t, { body: wrapped }), "python")).toMatchObject({
      ok: true,
      rules: expect.arrayContaining(["python-data-wrapper"]),
    });
    expect(cmp(tr, wire(t), "python").ok).toBe(false);
    expect(cmp(tr, wire(t, { body: wrapped }), "typescript").ok).toBe(false);
    expect(cmp(tr, wire(t), "typescript").ok).toBe(true);
  });

  it("x-goog-api-version must be sent when the method has apiVersion, and not otherwise", () => {
    const compute = load("compute-instances-insert");
    expect(compute.input.http.headers["x-goog-api-version"]).toBeDefined();
    expect(cmp(compute, wire(compute.input.http), "typescript").ok).toBe(true);
    expect(
      cmp(compute, wire(compute.input.http, { headers: { "x-goog-api-version": undefined } }), "typescript")
        .ok,
    ).toBe(false);
    expect(
      cmp(compute, wire(compute.input.http, { headers: { "x-goog-api-version": "v1" } }), "python").ok,
    ).toBe(false);
    expect(cmp(calendar, wire(spec, { headers: { "x-goog-api-version": "2026-09-01" } }), "python").ok).toBe(
      false,
    );
  });

  it("python-long-get-override: a > 2048-character GET as POST + override passes for Python only", () => {
    const long = load("drive-files-list-long-url");
    const h = long.input.http;
    expect(h.url.length).toBeGreaterThan(2048);
    const form = `${new URL(h.url).search.slice(1)}&alt=json`;
    const post = wire(h, {
      method: "POST",
      rawQuery: "",
      body: form,
      headers: { "x-http-method-override": "GET", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(cmp(long, post, "python")).toMatchObject({
      ok: true,
      rules: expect.arrayContaining(["python-long-get-override", "python-alt-json"]),
    });
    expect(cmp(long, post, "typescript").ok).toBe(false);
    const noOverride = omit(post.headers, "x-http-method-override");
    expect(cmp(long, { ...post, headers: noOverride }, "python").ok).toBe(false);
    expect(cmp(long, { ...post, body: form.replace("pageSize=10", "pageSize=11") }, "python").ok).toBe(false);
    // a short GET sent as POST + override is not what the library does: a difference
    const shortPost = wire(spec, {
      method: "POST",
      rawQuery: "",
      body: new URL(spec.url).search.slice(1),
      headers: { "x-http-method-override": "GET", "content-type": "application/x-www-form-urlencoded" },
    });
    expect(cmp(calendar, shortPost, "python").ok).toBe(false);
  });

  it("all-pages-page-token: page N must carry exactly the previous nextPageToken", () => {
    const yt = load("youtube-search-list-apikey-all-pages");
    const p2 = wire(yt.input.http, { addQuery: "pageToken=page-2" });
    expect(cmp(yt, p2, "typescript", { pageToken: "page-2" })).toMatchObject({
      ok: true,
      rules: expect.arrayContaining(["all-pages-page-token"]),
    });
    expect(cmp(yt, p2, "typescript", { pageToken: "page-3" }).ok).toBe(false);
    expect(cmp(yt, wire(yt.input.http), "typescript", { pageToken: "page-2" }).ok).toBe(false);
    expect(cmp(yt, p2, "typescript").ok).toBe(false); // page 1 must not carry a token
  });

  describe("uploads", () => {
    const yt = load("youtube-videos-insert-upload");
    const y = yt.input.http;
    const meta = JSON.parse(
      (
        parseMultipart(Buffer.from(y.body ?? ""), y.headers["content-type"] ?? "")?.[0]?.body ?? ""
      ).toString(),
    ) as unknown;
    const multipart = (metaJson: unknown, bytes: Buffer, type = "video/mp4") =>
      Buffer.concat([
        Buffer.from(
          `--B\r\ncontent-type: application/json\r\n\r\n${JSON.stringify(metaJson)}\r\n--B\r\ncontent-type: ${type}\r\n\r\n`,
        ),
        bytes,
        Buffer.from("\r\n--B--"),
      ]);
    const tsWire = (body: Buffer) =>
      wire(y, { body, headers: { "content-type": "multipart/related; boundary=B" } });
    const u = new URL(y.url);
    const joinedQuery = u.search
      .slice(1)
      .replace("part=snippet&part=status", "part=snippet%2Cstatus")
      .replace("uploadType=multipart", "alt=json&uploadType=resumable");
    const pyStart = (body: string, q = joinedQuery) =>
      wire(y, {
        rawQuery: q,
        body,
        headers: { "content-type": "application/json", "x-upload-content-type": "video/mp4" },
      });
    const pyPut = (bytes: Buffer) =>
      wire(y, {
        method: "PUT",
        rawQuery: `${joinedQuery}&upload_id=s1`,
        body: bytes,
        headers: { "content-type": undefined },
      });

    it("TypeScript multipart: metadata part and bytes compared; wrong bytes, metadata or type fail", () => {
      expect(cmp(yt, tsWire(multipart(meta, MEDIA_BYTES)), "typescript").ok).toBe(true);
      expect(cmp(yt, tsWire(multipart(meta, MEDIA_BYTES.subarray(1))), "typescript").ok).toBe(false);
      expect(
        cmp(yt, tsWire(multipart({ ...(meta as object), extra: true }, MEDIA_BYTES)), "typescript").ok,
      ).toBe(false);
      expect(cmp(yt, tsWire(multipart(meta, MEDIA_BYTES, "application/octet-stream")), "typescript").ok).toBe(
        false,
      );
      expect(
        cmp(yt, wire(y, { body: MEDIA_BYTES, headers: { "content-type": "video/mp4" } }), "typescript").ok,
      ).toBe(false);
    });

    it("python-resumable-upload + python-upload-repeated-joined: start + PUT pass; missing PUT, other bytes, repeated keys fail", () => {
      const ok = cmp(yt, [pyStart(JSON.stringify(meta)), pyPut(MEDIA_BYTES)], "python");
      expect(ok).toMatchObject({
        ok: true,
        rules: expect.arrayContaining([
          "python-resumable-upload",
          "python-upload-repeated-joined",
          "python-alt-json",
        ]),
      });
      expect(cmp(yt, [pyStart(JSON.stringify(meta))], "python").ok).toBe(false);
      expect(cmp(yt, [pyStart(JSON.stringify(meta)), pyPut(Buffer.from("other"))], "python").ok).toBe(false);
      expect(cmp(yt, [pyStart(JSON.stringify({})), pyPut(MEDIA_BYTES)], "python").ok).toBe(false);
      const repeated = joinedQuery.replace("part=snippet%2Cstatus", "part=snippet&part=status");
      expect(cmp(yt, [pyStart(JSON.stringify(meta), repeated), pyPut(MEDIA_BYTES)], "python").ok).toBe(false);
      const multipartFromPython = joinedQuery.replace("uploadType=resumable", "uploadType=multipart");
      expect(
        cmp(yt, [pyStart(JSON.stringify(meta), multipartFromPython), pyPut(MEDIA_BYTES)], "python").ok,
      ).toBe(false);
      // TypeScript may not do what Python does
      expect(cmp(yt, [pyStart(JSON.stringify(meta)), pyPut(MEDIA_BYTES)], "typescript").ok).toBe(false);
    });

    it("media-only upload (no metadata): TS sends uploadType=media with the bytes; Python's start has no body", () => {
      const st = load("storage-objects-insert-media-only");
      const s = st.input.http;
      expect(new URL(s.url).searchParams.get("uploadType")).toBe("media");
      expect(cmp(st, wire(s, { body: MEDIA_BYTES }), "typescript").ok).toBe(true);
      expect(cmp(st, wire(s, { body: Buffer.from("x") }), "typescript").ok).toBe(false);
      const q = new URL(s.url).search.slice(1).replace("uploadType=media", "alt=json&uploadType=resumable");
      const start = wire(s, { rawQuery: q, body: "", headers: { "x-upload-content-type": "text/csv" } });
      const put = wire(s, { method: "PUT", rawQuery: `${q}&upload_id=s9`, body: MEDIA_BYTES });
      expect(cmp(st, [start, put], "python").ok).toBe(true);
      expect(cmp(st, [{ ...start, body: "{}" }, put], "python").ok).toBe(false);
      expect(cmp(st, [start, { ...put, path: "/upload/storage/v1/b/other/o" }], "python").ok).toBe(false);
    });
  });
});
