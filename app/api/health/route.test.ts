/**
 * The health route over real HTTP to a Discovery source on loopback: 200 while it answers, 503 once it is gone or
 * too slow. (The e2e suite checks the same route through the production server.)
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { resetDiscoveryCache } from "@/lib/discovery/load";

import { GET } from "./route";

const DIRECTORY = {
  kind: "discovery#directoryList",
  discoveryVersion: "v1",
  items: [
    {
      kind: "discovery#directoryItem",
      id: "widgets:v1",
      name: "widgets",
      version: "v1",
      title: "Widgets API",
      description: "Widgets.",
      discoveryRestUrl: "https://widgets.googleapis.com/$discovery/rest?version=v1",
      preferred: true,
    },
  ],
};

let server: Server | undefined;
const saved = { ...process.env };

async function startSource(delayMs = 0): Promise<string> {
  server = createServer((req, res) => {
    setTimeout(() => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(DIRECTORY));
    }, delayMs);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

function useSource(url: string, extra: Record<string, string> = {}): void {
  process.env = { ...saved, EXPLORER_DISCOVERY_SOURCE: url, EXPLORER_REVISION: "rev-test", ...extra };
  resetDiscoveryCache();
}

afterEach(async () => {
  process.env = { ...saved };
  resetDiscoveryCache();
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

describe("GET /api/health", () => {
  it("is 200 with the source and revision while the source answers, never cached", async () => {
    const base = await startSource();
    useSource(base);
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, reachable: true, apis: 1, revision: "rev-test" });
    expect(body.source).toEqual({ kind: "url", label: base });
  });

  // The source sends user:pass@ as Basic authorization and names the host without it; the message must not show it.
  it("is 503 with the reason, credentials hidden, when the source is down", async () => {
    const base = await startSource();
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    useSource(base.replace("http://", "http://ops:topsecret@"));
    const res = await GET();
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body).toMatchObject({ ok: false, reachable: false, source: null, revision: "rev-test" });
    expect(body.error).toMatch(/http:\/\/(\*\*\*@)?127\.0\.0\.1:/);
    expect(JSON.stringify(body)).not.toContain("topsecret");
    expect(JSON.stringify(body)).not.toContain("ops:");
  });

  it("is 503 instead of hanging when the source is slower than the health timeout", async () => {
    const base = await startSource(3_000);
    useSource(base, { EXPLORER_HEALTH_TIMEOUT_MS: "200", EXPLORER_DISCOVERY_TIMEOUT_MS: "10000" });
    const started = Date.now();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await res.json()).error).toMatch(/did not answer within 200 ms/);
  });

  it("is 503, not a crash, when EXPLORER_DISCOVERY_SOURCE is malformed", async () => {
    useSource("ftp://nowhere");
    const res = await GET();
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatch(/EXPLORER_DISCOVERY_SOURCE/);
  });
});
