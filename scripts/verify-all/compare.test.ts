/**
 * compare.ts: each accepted deviation is accepted only in its exact form, and real differences are reported.
 */
import { describe, expect, it } from "vitest";

import type { HttpRequestSpec } from "@/lib/request/types";

import {
  compareRequests,
  multipartJsonPart,
  normalisePath,
  type CompareContext,
  type RecordedRequest,
} from "./compare";

const TOKEN = "ya29.fake-token";
const py: CompareContext = { client: "python", auth: "oauth", accessToken: TOKEN };
const node: CompareContext = { client: "node", auth: "oauth", accessToken: TOKEN };

const explorer = (over: Partial<HttpRequestSpec> = {}): HttpRequestSpec => ({
  method: "GET",
  url: "https://example.googleapis.com/v1/projects/p:1/things?q=a%20b&n=5&tag=x&tag=y",
  headers: { authorization: "Bearer {ACCESS_TOKEN}" },
  body: null,
  ...over,
});
const recorded = (over: Partial<RecordedRequest> = {}): RecordedRequest => ({
  method: "GET",
  url: "https://example.googleapis.com/v1/projects/p:1/things?q=a%20b&n=5&tag=x&tag=y",
  headers: { Authorization: `Bearer ${TOKEN}` },
  body: null,
  ...over,
});
const whats = (e: HttpRequestSpec, r: RecordedRequest, ctx: CompareContext): string[] =>
  compareRequests(e, r, ctx).differences.map((d) => d.what);

describe("compareRequests: equal requests", () => {
  it("accepts an identical request (node) with only the bearer rule", () => {
    const c = compareRequests(explorer(), recorded(), node);
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toEqual(["bearer-token"]);
  });

  it("accepts Python's wire form: alt=json, + for space, : kept, 5.0, query order", () => {
    const r = recorded({
      url: "https://example.googleapis.com/v1/projects/p:1/things?tag=x&tag=y&q=a+b&n=5.0&alt=json",
    });
    const c = compareRequests(explorer(), r, { ...py });
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toEqual(
      expect.arrayContaining(["python-alt-json", "python-float", "query-encoding"]),
    );
  });

  it("accepts googleapis' %3A in a {+name} path", () => {
    const r = recorded({
      url: "https://example.googleapis.com/v1/projects/p%3A1/things?q=a%20b&n=5&tag=x&tag=y",
    });
    const c = compareRequests(explorer(), r, node);
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toContain("path-reserved");
  });

  it("accepts key= for the explorer's x-goog-api-key header", () => {
    const e = explorer({ headers: { "x-goog-api-key": "{API_KEY}" } });
    const r = recorded({ headers: {}, url: `${explorer().url}&key=K1` });
    const c = compareRequests(e, r, { client: "node", auth: "apiKey", apiKey: "K1" });
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toContain("api-key-in-query");
  });

  it("compares JSON bodies structurally and unwraps Python's dataWrapper", () => {
    const e = explorer({
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer {ACCESS_TOKEN}" },
      body: '{"a":1,"b":[1,2]}',
    });
    const r = recorded({
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: '{"b": [1, 2], "a": 1}',
    });
    expect(whats(e, r, node)).toEqual([]);
    const wrapped = recorded({ ...r, body: '{"data": {"b": [1, 2], "a": 1}}' });
    const c = compareRequests(e, wrapped, { ...py, dataWrapper: true });
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toContain("python-data-wrapper");
  });

  it("accepts Python's long-GET-as-POST override", () => {
    const r = recorded({
      method: "POST",
      url: "https://example.googleapis.com/v1/projects/p:1/things",
      headers: {
        authorization: `Bearer ${TOKEN}`,
        "x-http-method-override": "GET",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "q=a+b&n=5&tag=x&tag=y&alt=json",
    });
    const c = compareRequests(explorer(), r, py);
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toContain("python-long-get");
  });

  it("accepts Python's resumable upload for the explorer's multipart one, comparing the metadata", () => {
    const e = explorer({
      method: "POST",
      url: "https://example.googleapis.com/upload/v1/files?uploadType=multipart",
      headers: { "content-type": "multipart/related; boundary=b", authorization: "Bearer {ACCESS_TOKEN}" },
      body: '--b\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n{"name":"x"}\r\n--b\r\ncontent-type: text/plain\r\n\r\n<contents of a.txt>\r\n--b--',
    });
    const r = recorded({
      method: "POST",
      url: "https://example.googleapis.com/upload/v1/files?uploadType=resumable&alt=json",
      body: '{"name": "x"}',
    });
    const c = compareRequests(e, r, py);
    expect(c.differences).toEqual([]);
    expect(c.rulesApplied).toContain("upload-protocol");
    expect(whats(e, { ...r, body: '{"name": "y"}' }, py)).toEqual(["body"]);
  });
});

describe("compareRequests: real differences are reported", () => {
  it("method, origin, path", () => {
    expect(whats(explorer(), recorded({ method: "POST" }), node)).toContain("method");
    expect(whats(explorer(), recorded({ url: explorer().url.replace("example.", "other.") }), node)).toEqual([
      "origin",
    ]);
    expect(whats(explorer(), recorded({ url: explorer().url.replace("p:1", "p:2") }), node)).toEqual([
      "path",
    ]);
  });

  it("an encoded slash is not a slash (path-reserved keeps %2F)", () => {
    const e = explorer({ url: "https://example.googleapis.com/v1/calendars/a%2Fb/events" });
    const r = recorded({ url: "https://example.googleapis.com/v1/calendars/a/b/events" });
    expect(whats(e, r, node)).toEqual(["path"]);
  });

  it("query: missing, extra, changed, repeated count, + that was a real plus", () => {
    const base = "https://example.googleapis.com/v1/projects/p:1/things";
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=5&tag=x` }), node)).toEqual(["query"]);
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=5&tag=x&tag=y&extra=1` }), node)).toEqual([
      "query",
    ]);
    expect(whats(explorer(), recorded({ url: `${base}?q=a%2Bb&n=5&tag=x&tag=y` }), py)).toEqual(["query"]);
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=5&tag=x&tag=y&tag=y` }), node)).toEqual([
      "query",
    ]);
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=6&tag=x&tag=y` }), node)).toEqual(["query"]);
  });

  it("alt=json and 5.0 are accepted from Python only", () => {
    const base = "https://example.googleapis.com/v1/projects/p:1/things";
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=5&tag=x&tag=y&alt=json` }), node)).toEqual([
      "query",
    ]);
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=5.0&tag=x&tag=y` }), node)).toEqual([
      "query",
    ]);
    expect(whats(explorer(), recorded({ url: `${base}?q=a%20b&n=5.5&tag=x&tag=y` }), py)).toEqual(["query"]);
    // Python's alt=json is only forgiven when the explorer sends no alt.
    const e = explorer({ url: `${base}?alt=media&q=a%20b&n=5&tag=x&tag=y` });
    expect(whats(e, recorded({ url: `${base}?alt=json&q=a%20b&n=5&tag=x&tag=y` }), py)).toEqual(["query"]);
  });

  it("auth: wrong or missing token, a key where none belongs, a key not sent", () => {
    expect(whats(explorer(), recorded({ headers: { authorization: "Bearer other" } }), node)).toEqual([
      "header:authorization",
    ]);
    expect(whats(explorer(), recorded({ headers: {} }), node)).toEqual(["header:authorization"]);
    const none = explorer({ headers: {} });
    expect(
      whats(none, recorded({ headers: {}, url: `${explorer().url}&key=K` }), {
        client: "node",
        auth: "none",
      }),
    ).toEqual(["auth", "query"]);
    expect(
      whats(none, recorded({ headers: { authorization: "Bearer x" } }), { client: "node", auth: "none" }),
    ).toEqual(["header:authorization"]);
    const keyed = explorer({ headers: { "x-goog-api-key": "{API_KEY}" } });
    expect(
      whats(keyed, recorded({ headers: {} }), { client: "python", auth: "apiKey", apiKey: "K" }),
    ).toContain("auth");
  });

  it("x-goog-api-version must match", () => {
    const e = explorer({
      headers: { authorization: "Bearer {ACCESS_TOKEN}", "x-goog-api-version": "2024-01-01" },
    });
    expect(whats(e, recorded(), node)).toEqual(["header:x-goog-api-version"]);
    expect(
      whats(
        e,
        recorded({ headers: { authorization: `Bearer ${TOKEN}`, "x-goog-api-version": "2024-01-01" } }),
        node,
      ),
    ).toEqual([]);
  });

  it("body: other value, missing, unexpected, not JSON, wrong content type, wrapped from Node", () => {
    const e = explorer({ method: "POST", body: '{"a":1}' });
    const r = recorded({
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: '{"a":2}',
    });
    expect(whats(e, r, node)).toEqual(["body"]);
    expect(whats(e, { ...r, body: null }, node)).toEqual(["body"]);
    expect(whats(explorer(), recorded({ body: "{}" }), node)).toEqual(["body"]);
    expect(whats(e, { ...r, body: "a=1" }, node)).toEqual(["body"]);
    expect(whats(e, { ...r, body: '{"a":1}', headers: { authorization: `Bearer ${TOKEN}` } }, node)).toEqual([
      "header:content-type",
    ]);
    expect(whats(e, { ...r, body: '{"data":{"a":1}}' }, { ...node, dataWrapper: true })).toEqual(["body"]);
  });
});

describe("helpers", () => {
  it("normalisePath decodes all but structural escapes, UTF-8 included", () => {
    expect(normalisePath("/a%3Ab/c%2fd/%C3%A9%20x")).toBe("/a:b/c%2Fd/é x");
  });
  it("multipartJsonPart finds the JSON part", () => {
    expect(multipartJsonPart("--b\r\ncontent-type: application/json\r\n\r\n{}\r\n--b--")).toBe("{}");
    expect(multipartJsonPart("no parts")).toBeNull();
  });
});
