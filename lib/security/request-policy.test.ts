import { describe, expect, it } from "vitest";

import { pageTarget, refusedMethod, strictTransportSecurity } from "./request-policy";

describe("request policy", () => {
  it("refuses TRACE everywhere and non-GET/HEAD on pages", () => {
    expect(refusedMethod("TRACE", "/")).toBe("GET, HEAD");
    expect(refusedMethod("trace", "/api/search-index")).toBe("GET, HEAD, POST");
    expect(refusedMethod("DELETE", "/youtube/v3")).toBe("GET, HEAD");
    expect(refusedMethod("GET", "/youtube/v3")).toBeNull();
    expect(refusedMethod("POST", "/api/auth/session")).toBeNull();
  });

  it("sends HSTS only for an https public origin", () => {
    expect(strictTransportSecurity("https://explorer.example.com")).toMatch(/^max-age=31536000/);
    for (const o of [undefined, "", "http://localhost:3000", "not a url"])
      expect(strictTransportSecurity(o)).toBeNull();
  });

  it("maps page paths to the load they need, decoding once", () => {
    expect(pageTarget("/")).toEqual({ kind: "directory" });
    expect(pageTarget("/youtube/v3")).toEqual({ kind: "api", name: "youtube", version: "v3" });
    expect(pageTarget("/youtube/v3/youtube.channels.list")).toEqual({
      kind: "api",
      name: "youtube",
      version: "v3",
    });
    expect(pageTarget("/%252E%252E/v1")).toEqual({ kind: "api", name: "%2E%2E", version: "v1" });
    expect(pageTarget("/a")).toBeNull();
    expect(pageTarget("/a/b/c/d")).toBeNull();
    expect(pageTarget("/%E0%A4%A/v1")).toBeNull();
  });
});
