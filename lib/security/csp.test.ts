import { createRequire } from "node:module";

import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, parseExtraSources, STATIC_SECURITY_HEADERS } from "./csp";

const NONCE = "AbCdEfGhIjKlMnOpQrStUvWx";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [k = "", ...v] = d.trim().split(/\s+/);
      return [k, v];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce (no unsafe-inline, no eval in production)", () => {
    const d = directives(contentSecurityPolicy({ nonce: NONCE, dev: false }));
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("connect-src")).toEqual(["'self'", "https://*.googleapis.com"]);
  });
  it("adds eval and websockets only in development", () => {
    const d = directives(contentSecurityPolicy({ nonce: NONCE, dev: true }));
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    expect(d.get("connect-src")).toContain("ws:");
  });
  it("takes extra connect-src hosts from the deployer, but nothing that weakens the policy", () => {
    expect(
      parseExtraSources("https://proxy.example.com, 'unsafe-inline'; script-src *  http://localhost:8080"),
    ).toEqual(["https://proxy.example.com", "http://localhost:8080"]);
    const d = directives(
      contentSecurityPolicy({
        nonce: NONCE,
        dev: false,
        extraConnectSrc: "https://proxy.example.com;default-src *",
      }),
    );
    expect(d.get("connect-src")).toEqual(["'self'", "https://*.googleapis.com"]);
  });
  it("refuses a weak nonce", () => {
    expect(() => contentSecurityPolicy({ nonce: "x", dev: false })).toThrow(/nonce/);
  });
  it("next.config.js sends the same static security headers", async () => {
    const require = createRequire(import.meta.url);
    const config = require("../../next.config.js") as {
      headers: () => Promise<{ source: string; headers: unknown }[]>;
    };
    const all = await config.headers();
    expect(all.find((h) => h.source === "/:path*")?.headers).toEqual(STATIC_SECURITY_HEADERS);
  });
});

describe("contentSecurityPolicy for a cached page (hashes instead of a nonce)", () => {
  const H1 = `'sha256-${"A".repeat(43)}='`;
  const H2 = `'sha256-${"B".repeat(43)}='`;
  it("allows exactly the listed inline scripts, and external scripts from our origin", () => {
    const d = directives(contentSecurityPolicy({ hashes: [H1, H2, H1], dev: false }));
    expect(d.get("script-src")).toEqual(["'self'", H1, H2]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
  });
  it("refuses anything but sha256 sources, none at all, or a nonce and hashes together", () => {
    expect(() => contentSecurityPolicy({ hashes: ["'unsafe-inline'"], dev: false })).toThrow(/sha256/);
    expect(() => contentSecurityPolicy({ hashes: [], dev: false })).toThrow(/at least one/);
    expect(() => contentSecurityPolicy({ nonce: NONCE, hashes: [H1], dev: false })).toThrow(/either/);
    expect(() => contentSecurityPolicy({ dev: false })).toThrow(/either/);
  });
});
