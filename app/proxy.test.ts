// proxy.ts itself: HSTS on pages and routes, and a failed Discovery load rendered with its status.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";

import { installFailedLoadStatus } from "@/lib/discovery/page-status-hook";
import { proxy } from "@/proxy";

describe("proxy", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    installFailedLoadStatus(async () => null);
  });
  const request = (path: string, method = "GET") =>
    new NextRequest(`http://127.0.0.1:3100${path}`, { method });

  it("adds Strict-Transport-Security when the public origin is https, to pages and routes", async () => {
    process.env.EXPLORER_PUBLIC_ORIGIN = "https://explorer.example.com";
    expect((await proxy(request("/youtube/v3"))).headers.get("strict-transport-security")).toMatch(
      /max-age=/,
    );
    expect((await proxy(request("/api/search-index"))).headers.get("strict-transport-security")).toMatch(
      /max-age=/,
    );
    process.env.EXPLORER_PUBLIC_ORIGIN = "http://localhost:3000";
    expect((await proxy(request("/youtube/v3"))).headers.get("strict-transport-security")).toBeNull();
  });

  it("renders a page whose load failed with that status (and still renders it), else passes it on", async () => {
    installFailedLoadStatus(async (t) => (t.kind === "api" && t.name === "down" ? 502 : null));
    const failed = await proxy(request("/down/v1/down.x.get"));
    expect(failed.status).toBe(502);
    expect(failed.headers.get("x-middleware-next")).toBe("1");
    expect(failed.headers.get("content-security-policy")).toContain("nonce-");
    const fine = await proxy(request("/up/v1"));
    expect(fine.status).toBe(200);
    expect(fine.headers.get("x-middleware-next")).toBe("1");
  });
});
