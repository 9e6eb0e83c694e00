// GET /api/search-index: precompressed bodies by Accept-Encoding (answered before Next.js), per-encoding ETags,
// 304s, real failure statuses.
import { createServer, get as httpGet } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { json, startFakeServer } from "@/lib/discovery/__fixtures__/fake-server";
import { zooText } from "@/lib/discovery/__fixtures__/load-zoo";
import { resetDiscoveryCache } from "@/lib/discovery/load";
import { getSearchIndex, resetSearchIndex } from "@/lib/search/load";
import { encodedFor, serveEncodedSearchIndex } from "@/lib/search/serve-encoded-index";
import { interceptRequests } from "@/lib/security/refuse-methods";

import { GET } from "./route";

let server: Awaited<ReturnType<typeof startFakeServer>>;
const saved = { ...process.env };

beforeAll(async () => {
  server = await startFakeServer({
    "/discovery/v1/apis": json({ items: [{ name: "zoo", version: "v1", preferred: true }] }),
    "/discovery/v1/apis/zoo/v1/rest": json(zooText()),
    "/bad/discovery/v1/apis": json({ items: "not a list" }),
  });
});
afterEach(() => {
  resetDiscoveryCache();
  resetSearchIndex();
});
afterAll(async () => {
  process.env = saved;
  await server.close();
});

const useSource = (url: string) => {
  process.env.EXPLORER_DISCOVERY_SOURCE = url;
  resetDiscoveryCache();
  resetSearchIndex();
};
const get = (headers: Record<string, string> = {}) =>
  GET(new Request("http://127.0.0.1:3100/api/search-index", { headers }));

async function serveIntercepted(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    // What Next.js would do for the requests the interceptor leaves alone: the route handler.
    void GET(
      new Request(`http://127.0.0.1${req.url}`, { headers: req.headers as Record<string, string> }),
    ).then(async (r) => {
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  interceptRequests(server, "search-index", serveEncodedSearchIndex(getSearchIndex));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/search-index`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const raw = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      httpGet(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on("error", reject);
    },
  );

describe("search-index route and its precompressed answers", () => {
  it("serves brotli, gzip or plain by Accept-Encoding: the same index, each with its own strong ETag", async () => {
    useSource(server.url);
    const app = await serveIntercepted();
    try {
      const plain = await raw(app.url, { "accept-encoding": "identity" });
      expect(plain.headers["content-encoding"]).toBeUndefined();
      const text = plain.body.toString();
      expect(JSON.parse(text)).toMatchObject({ source: server.url });

      const br = await raw(app.url, { "accept-encoding": "gzip, deflate, br" });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(br.body).toString()).toBe(text);
      const gz = await raw(app.url, { "accept-encoding": "gzip;q=1, br;q=0" });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(gunzipSync(gz.body).toString()).toBe(text);
      expect(br.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

      for (const res of [plain, br, gz]) expect(res.headers.vary).toMatch(/accept-encoding/);
      const etags = [plain, br, gz].map((r) => r.headers.etag as string);
      expect(new Set(etags).size).toBe(3);
      for (const etag of etags) expect(etag).toMatch(/^"[^"]+"$/);

      for (const [encoding, etag] of [
        ["br", etags[1]!],
        ["identity", etags[1]!],
        ["gzip", etags[0]!],
      ]) {
        const revalidated = await raw(app.url, { "accept-encoding": encoding!, "if-none-match": etag! });
        expect(revalidated.status).toBe(304);
        expect(revalidated.body.length).toBe(0);
      }
      expect((await raw(app.url, { "if-none-match": '"something-else"' })).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it("compresses once per index build, not per request", async () => {
    useSource(server.url);
    const served = await getSearchIndex();
    expect(encodedFor(served)).toBe(encodedFor(served));
    const started = performance.now();
    for (let i = 0; i < 20; i++) await encodedFor(await getSearchIndex());
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("an unreachable source is 502, a malformed directory 422 (not 503 or 200), compressed or not", async () => {
    useSource("http://127.0.0.1:9");
    const down = await get();
    expect(down.status).toBe(502);
    expect(((await down.json()) as { error: string }).error).toMatch(/could not be built/);
    const app = await serveIntercepted();
    try {
      expect((await raw(app.url, { "accept-encoding": "br" })).status).toBe(502);
      useSource(`${server.url}/bad`);
      expect((await get()).status).toBe(422);
      expect((await raw(app.url, { "accept-encoding": "gzip" })).status).toBe(422);
    } finally {
      await app.close();
    }
  });
});
