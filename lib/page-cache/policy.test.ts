import { describe, expect, it } from "vitest";

import { cacheableRequest, PAGE_CACHE_CONTROL, pageEtag, type PageDependency } from "./policy";

const DEP: PageDependency = { buildId: "b1", source: "url", revision: "20250101", fingerprint: "f1" };

describe("cacheableRequest", () => {
  it("takes the plain HTML of the directory, API and method pages", () => {
    expect(cacheableRequest("GET", "/", {})?.target).toEqual({ kind: "directory" });
    expect(cacheableRequest("HEAD", "/youtube/v3", {})?.target).toEqual({
      kind: "api",
      name: "youtube",
      version: "v3",
    });
    expect(cacheableRequest("GET", "/youtube/v3/youtube.channels.list", {})?.path).toBe(
      "/youtube/v3/youtube.channels.list",
    );
  });
  it.each([
    ["POST", "/", {}],
    ["GET", "/?q=drive", {}], // a filter: rendered per request
    ["GET", "/youtube/v3/youtube.channels.list?part=id", {}], // a shared request
    ["GET", "/youtube/v3", { rsc: "1" }], // the RSC payload, not the HTML
    ["GET", "/youtube/v3", { "next-router-prefetch": "1" }],
    ["GET", "/api/search-index", {}],
    ["GET", "/_next/static/chunks/a.js", {}],
    ["GET", "/migrate", {}],
    ["GET", "//evil.example/x", {}],
    ["GET", "/a/b/c/d", {}],
  ])("leaves %s %s %j to Next.js", (method, url, headers) => {
    expect(cacheableRequest(method, url, headers)).toBeNull();
  });
});

describe("pageEtag", () => {
  it("is strong, names the revision, and is the same for the same inputs (every instance of a build)", () => {
    const etag = pageEtag("/youtube/v3", DEP);
    expect(etag).toMatch(/^"p-20250101-[A-Za-z0-9_-]{27}"$/);
    expect(pageEtag("/youtube/v3", { ...DEP })).toBe(etag);
  });
  it.each([
    ["path", "/youtube/v2", DEP],
    ["build", "/youtube/v3", { ...DEP, buildId: "b2" }],
    ["source", "/youtube/v3", { ...DEP, source: "snapshot" }],
    ["revision", "/youtube/v3", { ...DEP, revision: "20250102" }],
    ["document text", "/youtube/v3", { ...DEP, fingerprint: "f2" }],
  ])("changes with the %s", (_what, path, dep) => {
    expect(pageEtag(path, dep)).not.toBe(pageEtag("/youtube/v3", DEP));
  });
  it("keeps a hostile revision out of the header's syntax", () => {
    expect(pageEtag("/", { ...DEP, revision: '"\r\nSet-Cookie: x' })).toMatch(/^"p-Set-Cookiex-[\w-]{27}"$/);
  });
});

describe("PAGE_CACHE_CONTROL", () => {
  it("lets shared caches keep and revalidate a page, and browsers always revalidate", () => {
    expect(PAGE_CACHE_CONTROL).toMatch(/^public, /);
    expect(PAGE_CACHE_CONTROL).toMatch(/s-maxage=\d+/);
    expect(PAGE_CACHE_CONTROL).toMatch(/stale-while-revalidate=\d+/);
    expect(PAGE_CACHE_CONTROL).toContain("max-age=0");
  });
});
