import { readFileSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { buildApiModel, findMethod } from "../discovery/model";
import type { RawRestDescription } from "../discovery/types";
import { buildHttpRequest, MULTIPART_BOUNDARY } from "../request/build";
import type { ExplorerRequest } from "../request/types";
import { executeFetch, type ExecutedResponse } from "./execute";
import {
  decodeBody,
  explainResult,
  extensionFor,
  scopesFromWwwAuthenticate,
  type ExplainContext,
} from "./explain";
import { prepareFetch, type PickedFile } from "./prepare";

const api = buildApiModel(
  JSON.parse(
    readFileSync(join(__dirname, "..", "discovery", "__fixtures__", "zoo.json"), "utf8"),
  ) as RawRestDescription,
);

function method(id: string) {
  const m = findMethod(api, id);
  if (!m) throw new Error(id);
  return m;
}

function req(id: string, over: Partial<ExplorerRequest> = {}): ExplorerRequest {
  return { api: "zoo", version: "v1", method: id, params: {}, body: null, auth: { type: "none" }, ...over };
}

const file = (text: string, name = "photo.jpg", type = "image/jpeg"): PickedFile => ({
  name,
  type,
  bytes: new TextEncoder().encode(text),
});

describe("prepareFetch", () => {
  it("sends exactly the previewed request, with the token in place of the placeholder", () => {
    const r = req("zoo.zoos.animals.list", {
      params: { parent: "zoos/z1", pageSize: 5 },
      auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/zoo.readonly"] },
    });
    const spec = buildHttpRequest(api, method("zoo.zoos.animals.list"), r);
    const p = prepareFetch(api, method("zoo.zoos.animals.list"), r, { accessToken: "ya29.T" }, null);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.prepared.url).toBe(spec.url);
    expect(p.prepared.method).toBe("GET");
    expect(p.prepared.headers).toEqual({ ...spec.headers, authorization: "Bearer ya29.T" });
    expect(p.prepared.changesData).toBe(false);
    expect(p.prepared.spec.headers.authorization).toBe("Bearer {ACCESS_TOKEN}");
  });

  it("refuses to run with a path parameter missing, or without the credential the form asks for", () => {
    const m = method("zoo.zoos.animals.list");
    const missing = prepareFetch(api, m, req(m.id), {}, null);
    expect(!missing.ok && missing.problem).toBe("missing-path-params");
    const oauth = prepareFetch(
      api,
      m,
      req(m.id, { params: { parent: "zoos/1" }, auth: { type: "oauth", scopes: [] } }),
      {},
      null,
    );
    expect(!oauth.ok && oauth.problem).toBe("needs-token");
    const key = prepareFetch(
      api,
      m,
      req(m.id, { params: { parent: "zoos/1" }, auth: { type: "apiKey" } }),
      {},
      null,
    );
    expect(!key.ok && key.problem).toBe("needs-api-key");
    const injected = prepareFetch(
      api,
      m,
      req(m.id, { params: { parent: "zoos/1" }, auth: { type: "apiKey" } }),
      { apiKey: "AIza\r\nx-evil: 1" },
      null,
    );
    expect(!injected.ok && injected.problem).toBe("bad-credential");
  });

  it("puts the API key in the x-goog-api-key header, never the URL", () => {
    const m = method("zoo.zoos.animals.list");
    const p = prepareFetch(
      api,
      m,
      req(m.id, { params: { parent: "zoos/1" }, auth: { type: "apiKey" } }),
      { apiKey: "AIzaK" },
      null,
    );
    expect(p.ok && p.prepared.headers["x-goog-api-key"]).toBe("AIzaK");
    expect(p.ok && p.prepared.url).not.toContain("AIzaK");
  });

  it("uploads the picked file's bytes in the previewed multipart layout and boundary", () => {
    const m = method("zoo.zoos.animals.create");
    const r = req(m.id, {
      params: { parent: "zoos/1" },
      body: { displayName: "Ada" },
      media: { fileName: "photo.jpg", mimeType: "image/jpeg" },
      auth: { type: "oauth", scopes: ["https://www.googleapis.com/auth/zoo"] },
    });
    expect(prepareFetch(api, m, r, { accessToken: "t" }, null)).toMatchObject({
      ok: false,
      problem: "needs-file",
    });
    const p = prepareFetch(api, m, r, { accessToken: "t" }, file("\u00ffBYTES"));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.prepared.changesData).toBe(true);
    expect(p.prepared.headers["content-type"]).toBe(`multipart/related; boundary=${MULTIPART_BOUNDARY}`);
    const text = new TextDecoder().decode(p.prepared.body as Uint8Array);
    // The preview with the file's bytes in place of "<contents of photo.jpg>".
    const preview = buildHttpRequest(api, m, r).body ?? "";
    expect(text).toBe(preview.replace("<contents of photo.jpg>", "\u00ffBYTES"));
  });

  it("picks another boundary when the file contains the previewed one", () => {
    const m = method("zoo.zoos.animals.create");
    const r = req(m.id, { params: { parent: "zoos/1" }, body: {}, media: { fileName: "a.bin" } });
    const p = prepareFetch(api, m, r, {}, file(`x--${MULTIPART_BOUNDARY}y`), () => "r4nd0m");
    expect(p.ok && p.prepared.headers["content-type"]).toBe("multipart/related; boundary=explorer_r4nd0m");
  });
});

describe("executeFetch", () => {
  const prepared = (() => {
    const m = method("zoo.zoos.get");
    const p = prepareFetch(api, m, req(m.id, { params: { name: "zoos/1" } }), {}, null);
    if (!p.ok) throw new Error(p.message);
    return p.prepared;
  })();

  it("returns status, headers, bytes and time, without cookies or referrer", async () => {
    let seen: RequestInit | undefined;
    let t = 100;
    const r = await executeFetch(prepared, {
      fetch: (async (_u: string, init: RequestInit) => {
        seen = init;
        t += 42;
        return new Response('{"name":"zoos/1"}', {
          status: 200,
          headers: { "content-type": "application/json" },
        });
      }) as unknown as typeof fetch,
      now: () => t,
    });
    expect(r).toMatchObject({
      kind: "response",
      status: 200,
      durationMs: 42,
      contentType: "application/json",
    });
    expect(seen).toMatchObject({ method: "GET", credentials: "omit", referrerPolicy: "no-referrer" });
  });

  it("turns a failed fetch into a network failure naming the host", async () => {
    const r = await executeFetch(prepared, {
      fetch: (async () => {
        throw new TypeError("Failed to fetch");
      }) as typeof fetch,
      now: () => 0,
    });
    expect(r).toEqual({
      kind: "network-error",
      durationMs: 0,
      message: "Failed to fetch",
      host: "zoo.googleapis.com",
    });
  });
});

describe("explainResult", () => {
  const ctx: ExplainContext = {
    authType: "oauth",
    methodScopes: ["https://www.googleapis.com/auth/zoo", "https://www.googleapis.com/auth/zoo.readonly"],
    grantedScopes: ["openid", "https://www.googleapis.com/auth/userinfo.email"],
    suggestedScopes: ["https://www.googleapis.com/auth/zoo.readonly"],
  };
  const response = (status: number, json: unknown, headers: [string, string][] = []): ExecutedResponse => ({
    kind: "response",
    status,
    statusText: "",
    durationMs: 1,
    headers,
    contentType: "application/json; charset=UTF-8",
    bytes: new TextEncoder().encode(JSON.stringify(json)),
  });
  const insufficient = {
    error: {
      code: 403,
      message: "Request had insufficient authentication scopes.",
      errors: [{ message: "Insufficient Permission", domain: "global", reason: "insufficientPermissions" }],
      status: "PERMISSION_DENIED",
      details: [
        { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" },
      ],
    },
  };

  it("401: the token was not accepted → sign in again", () => {
    const e = explainResult(
      response(401, { error: { code: 401, message: "Request had invalid authentication credentials." } }),
      ctx,
    );
    expect(e.title).toMatch(/401/);
    expect(e.detail).toMatch(/Sign in again/);
    expect(e.actions).toEqual(["sign-in"]);
  });

  it("403 insufficient scope: names the scope from WWW-Authenticate when the browser can read it", () => {
    const e = explainResult(
      response(403, insufficient, [
        [
          "www-authenticate",
          'Bearer realm="https://accounts.google.com/", error="insufficient_scope", scope="https://www.googleapis.com/auth/zoo"',
        ],
      ]),
      ctx,
    );
    expect(e.actions).toEqual(["grant-scopes"]);
    expect(e.scopesToGrant).toEqual(["https://www.googleapis.com/auth/zoo"]);
    expect(e.detail).toMatch(/needs\s+zoo\./);
  });

  it("403 insufficient scope without the header: the method's scopes vs the granted ones", () => {
    const e = explainResult(response(403, insufficient), ctx);
    expect(e.scopesToGrant).toEqual(["https://www.googleapis.com/auth/zoo.readonly"]);
    expect(e.detail).toMatch(
      /any one of: zoo, zoo\.readonly\. Your token was granted: openid, userinfo\.email/,
    );
  });

  it("a disabled API names the activation URL; other errors quote Google", () => {
    const disabled = explainResult(
      response(403, {
        error: {
          code: 403,
          message: "API has not been used",
          details: [
            {
              reason: "SERVICE_DISABLED",
              metadata: { activationUrl: "https://console.developers.google.com/apis/x" },
            },
          ],
        },
      }),
      ctx,
    );
    expect(disabled.detail).toContain("https://console.developers.google.com/apis/x");
    const other = explainResult(
      response(404, { error: { code: 404, message: "Zoo not found", status: "NOT_FOUND" } }),
      ctx,
    );
    expect(other.detail).toBe("Google said: “Zoo not found”");
  });

  it("network failure: a plain explanation and the cURL tab as the way out", () => {
    const e = explainResult(
      { kind: "network-error", durationMs: 3, message: "Failed to fetch", host: "zoo.googleapis.com" },
      ctx,
    );
    expect(e.title).toContain("zoo.googleapis.com");
    expect(e.detail).toMatch(/CORS.*cURL tab/s);
    expect(e.actions).toEqual(["use-curl"]);
  });
});

describe("decodeBody / scopesFromWwwAuthenticate / extensionFor", () => {
  it("names downloads by their content type", () => {
    expect(extensionFor("application/pdf")).toBe("pdf");
    expect(extensionFor("application/json; charset=UTF-8")).toBe("json");
    expect(extensionFor("image/png")).toBe("png");
    expect(extensionFor("text/csv")).toBe("csv");
    expect(extensionFor("application/octet-stream")).toBe("bin");
    expect(extensionFor("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("bin");
    expect(extensionFor("")).toBe("bin");
  });
  it("decodes JSON, text and binary", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(decodeBody("application/json", enc('{"a":1}'))).toMatchObject({ kind: "json", value: { a: 1 } });
    expect(decodeBody("text/plain", enc("hi"))).toEqual({ kind: "text", text: "hi" });
    expect(decodeBody("image/png", new Uint8Array([137, 80]))).toEqual({ kind: "binary", size: 2 });
    expect(decodeBody("application/json", new Uint8Array([0xff, 0xfe]))).toEqual({ kind: "binary", size: 2 });
    expect(decodeBody("", new Uint8Array())).toEqual({ kind: "empty" });
  });
  it("reads scopes only from an insufficient_scope challenge", () => {
    expect(scopesFromWwwAuthenticate('Bearer error="insufficient_scope", scope="a b"')).toEqual(["a", "b"]);
    expect(scopesFromWwwAuthenticate('Bearer error="invalid_token"')).toEqual([]);
  });
});
