// The page cache against a real node:http server: hits, 304s, a new revision, errors passed on uncached, and the
// render request (no cookies, marked as the cache's own).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { interceptRequests } from "../security/refuse-methods";
import type { PageDependency } from "./policy";
import { FILL_HEADER, renderThroughServer, servePageCache, type Rendered } from "./serve-page";

const NONCE = "AbCdEfGhIjKlMnOpQrStUvWx";
const page = (text: string): Rendered => ({
  status: 200,
  headers: {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
  },
  body: Buffer.from(`<html><body><script nonce="${NONCE}">boot()</script><p>${text}</p></body></html>`),
});

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

interface Harness {
  readonly origin: string;
  renders: number;
  appRequests: IncomingHttpHeaders[];
  dep: PageDependency | null;
  next: Rendered;
}

async function harness(): Promise<Harness> {
  const h: Harness = {
    origin: "",
    renders: 0,
    appRequests: [],
    dep: { buildId: "b", source: "s", revision: "r1", fingerprint: "f" },
    next: page("revision one"),
  };
  const server = createServer((req, res) => {
    // "Next.js": whatever the cache hands over.
    h.appRequests.push(req.headers);
    res.writeHead(502, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end("from the app");
  });
  interceptRequests(
    server,
    "page-cache",
    servePageCache({
      token: "tok",
      dependencyOf: async () => h.dep,
      render: async () => {
        h.renders++;
        await new Promise((r) => setTimeout(r, 20));
        return h.next;
      },
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return Object.assign(h, { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

describe("servePageCache", () => {
  it("renders once, then serves the same bytes, ETag and hash CSP to everyone", async () => {
    const h = await harness();
    const [a, b] = await Promise.all([fetch(`${h.origin}/x/v1`), fetch(`${h.origin}/x/v1`)]);
    const c = await fetch(`${h.origin}/x/v1`, { headers: { cookie: "theme=dark; session=secret" } });
    expect(h.renders).toBe(1); // concurrent misses share one render
    expect(c.headers.get("x-page-cache")).toBe("hit");
    for (const r of [a, b, c]) {
      expect(r.status).toBe(200);
      expect(r.headers.get("etag")).toBe(a.headers.get("etag"));
      expect(r.headers.get("content-security-policy")).toBe(a.headers.get("content-security-policy"));
      expect(r.headers.get("cache-control")).toMatch(/^public, .*s-maxage=/);
      expect(r.headers.get("set-cookie")).toBeNull();
    }
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'sha256-[\w+/]{43}='/);
    expect(csp).not.toContain("nonce");
    const html = await c.text();
    expect(html).toContain("revision one");
    expect(html).not.toContain(NONCE);
  });

  it("answers 304 to If-None-Match, in any encoding, without rendering", async () => {
    const h = await harness();
    const first = await fetch(`${h.origin}/x/v1`, { headers: { "accept-encoding": "br" } });
    expect(first.headers.get("content-encoding")).toBe("br");
    const again = await fetch(`${h.origin}/x/v1`, {
      headers: { "if-none-match": first.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
    expect(h.renders).toBe(1);
  });

  it("a new revision is a new ETag and a new render; the old ETag no longer revalidates", async () => {
    const h = await harness();
    const old = (await fetch(`${h.origin}/x/v1`)).headers.get("etag")!;
    h.dep = { ...h.dep!, revision: "r2" };
    h.next = page("revision two");
    const stale = await fetch(`${h.origin}/x/v1`, { headers: { "if-none-match": old } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("etag")).not.toBe(old);
    expect(stale.headers.get("etag")).toContain("r2");
    expect(await stale.text()).toContain("revision two");
    expect(h.renders).toBe(2);
  });

  it("passes an error page on as rendered and does not keep it", async () => {
    const h = await harness();
    h.next = { status: 404, headers: { "cache-control": "private, no-store" }, body: Buffer.from("gone") };
    for (let i = 0; i < 2; i++) {
      const r = await fetch(`${h.origin}/x/v1/x.nothing`);
      expect(r.status).toBe(404);
      expect(r.headers.get("cache-control")).toBe("private, no-store");
      expect(r.headers.get("etag")).toBeNull();
    }
    expect(h.renders).toBe(2);
  });

  it("hands a page that cannot load, a query, an RSC request and its own render request to the app", async () => {
    const h = await harness();
    expect((await fetch(`${h.origin}/x/v1?q=1`)).status).toBe(502);
    expect((await fetch(`${h.origin}/x/v1`, { headers: { rsc: "1" } })).status).toBe(502);
    expect((await fetch(`${h.origin}/x/v1`, { headers: { [FILL_HEADER]: "tok" } })).status).toBe(502);
    h.dep = null;
    const failed = await fetch(`${h.origin}/x/v1`);
    expect(failed.status).toBe(502);
    expect(failed.headers.get("cache-control")).toBe("no-store");
    expect(h.appRequests).toHaveLength(4);
    expect(h.renders).toBe(0);
  });
});

describe("renderThroughServer", () => {
  it("asks the same server, marked, uncompressed and without the visitor's cookies", async () => {
    let seen: IncomingHttpHeaders | undefined;
    const server = createServer((req, res) => {
      if (req.headers[FILL_HEADER] === "tok") {
        seen = req.headers;
        res.writeHead(200, { "content-type": "text/html" });
        res.end("rendered");
        return;
      }
      void renderThroughServer("tok")(req, req.url ?? "/").then((r) => {
        res.writeHead(200);
        res.end(`${r.status} ${r.body.toString()}`);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    servers.push(server);
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const r = await fetch(`${origin}/x/v1`, {
      headers: { cookie: "session=secret", authorization: "Bearer t" },
    });
    expect(await r.text()).toBe("200 rendered");
    expect(seen?.cookie).toBeUndefined();
    expect(seen?.authorization).toBeUndefined();
    expect(seen?.["accept-encoding"]).toBe("identity");
  });
});
