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
