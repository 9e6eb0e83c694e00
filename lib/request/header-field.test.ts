import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { prepareFetch } from "../execute/prepare";
import { api, method, secretmanager, secretsAccess, videosInsert, youtube } from "./__fixtures__/models";
import { buildHttpRequest, multipartHead } from "./build";
import { checkHeaderField, checkHeaderFields, UnsafeHeaderField } from "./header-field";
import type { ExplorerRequest } from "./types";

const INJECTED = "v1\r\nx-injected: yes\r\n\r\nGET /admin HTTP/1.1";

const req = (over: Partial<ExplorerRequest>): ExplorerRequest => ({
  api: "x",
  version: "v",
  method: "m",
  params: {},
  body: null,
  auth: { type: "none" },
  ...over,
});

/** The error `fn` throws (fails the test when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("checkHeaderField", () => {
  it("passes ordinary names and values through unchanged", () => {
    expect(checkHeaderField("x-goog-api-version", "v1_20260101")).toBe("v1_20260101");
    expect(checkHeaderField("content-type", "multipart/related; boundary=b")).toBe(
      "multipart/related; boundary=b",
    );
    expect(checkHeaderField("content-type", "")).toBe("");
  });

  it.each([
    ["CR LF", "v1\r\nx-injected: yes"],
    ["a lone LF", "v1\nx"],
    ["a lone CR", "v1\rx"],
    ["NUL", "v1\0"],
  ])("refuses a value with %s, naming the header and the source", (_, value) => {
    const e = thrown(() => checkHeaderField("x-goog-api-version", value, "the method's apiVersion"));
    expect(e).toBeInstanceOf(UnsafeHeaderField);
    expect((e as UnsafeHeaderField).header).toBe("x-goog-api-version");
    expect((e as Error).message).toContain('"x-goog-api-version"');
    expect((e as Error).message).toContain("the method's apiVersion");
    expect((e as Error).message).toContain("line break");
  });

  it.each(["x-a\r\nb", "x a", "x:a", "", "x\0"])("refuses the header name %j", (name) => {
    expect(() => checkHeaderField(name, "v")).toThrow(UnsafeHeaderField);
  });

  it("property: a value is accepted exactly when it holds no CR, LF or NUL", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", ":", "\r", "\n", "\0", "é", "\t") }), (v) => {
        const bad = /[\r\n\0]/.test(v);
        let refused = false;
        try {
          checkHeaderField("x-h", v);
        } catch (e) {
          refused = e instanceof UnsafeHeaderField;
        }
        expect(refused).toBe(bad);
      }),
    );
  });

  it("checkHeaderFields checks every entry", () => {
    expect(() => checkHeaderFields({ a: "1", b: "2\n" })).toThrow(/"b"/);
    expect(checkHeaderFields({ a: "1" })).toEqual({ a: "1" });
  });
});

describe("buildHttpRequest refuses header injection", () => {
  it("a method apiVersion with CR LF: refused, naming x-goog-api-version and apiVersion", () => {
    const m = { ...secretsAccess, apiVersion: INJECTED };
    const e = thrown(() =>
      buildHttpRequest(secretmanager, m, req({ params: { name: "projects/p/secrets/s/versions/1" } })),
    );
    expect(e).toBeInstanceOf(UnsafeHeaderField);
    expect((e as UnsafeHeaderField).header).toBe("x-goog-api-version");
    expect((e as Error).message).toContain("apiVersion");
  });

  it("an ordinary apiVersion is still sent", () => {
    const spec = buildHttpRequest(
      secretmanager,
      secretsAccess,
      req({ params: { name: "projects/p/secrets/s/versions/1" } }),
    );
    expect(spec.headers["x-goog-api-version"]).toBe("v1_20260101");
  });

  it.each([
    ["media (no body)", null],
    ["multipart (with body)", { snippet: { title: "t" } }],
  ])("a media.mimeType with CR LF is refused for a %s upload, naming content-type", (_, body) => {
    const e = thrown(() =>
      buildHttpRequest(
        youtube,
        videosInsert,
        req({
          params: { part: ["snippet"] },
          body,
          media: { fileName: "v.mp4", mimeType: "video/mp4\r\nx-injected: yes" },
        }),
      ),
    );
    expect(e).toBeInstanceOf(UnsafeHeaderField);
    expect((e as UnsafeHeaderField).header).toBe("content-type");
    expect((e as Error).message).toContain("mimeType");
  });

  it("the multipart part header goes through the same check", () => {
    expect(() => multipartHead("{}", "text/plain\r\n\r\nforged", "b")).toThrow(UnsafeHeaderField);
  });
});

describe("Execute (prepareFetch) refuses header injection", () => {
  it("answers build-failed with the message naming the header, and sends nothing", () => {
    const m = method("x.things.list", { path: "things", apiVersion: INJECTED });
    const a = api("x", "v1", { methods: [m] });
    const p = prepareFetch(a, m, req({}), {}, null);
    expect(p.ok).toBe(false);
    expect(!p.ok && p.problem).toBe("build-failed");
    expect(!p.ok && p.message).toContain("x-goog-api-version");
  });
});
