// GET /api/search-index: precompressed bodies by Accept-Encoding, per-encoding ETags, 304s, real failure statuses.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { json, startFakeServer } from "@/lib/discovery/__fixtures__/fake-server";
import { zooText } from "@/lib/discovery/__fixtures__/load-zoo";
import { resetDiscoveryCache } from "@/lib/discovery/load";
import { resetSearchIndex } from "@/lib/search/load";

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

describe("search-index route", () => {
  it("serves brotli, gzip or plain by Accept-Encoding: the same index, each with its own strong ETag", async () => {
    useSource(server.url);
    const plain = await get({ "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    expect(JSON.parse(text)).toMatchObject({ source: server.url });

    const br = await get({ "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(text);
    const gz = await get({ "accept-encoding": "gzip;q=1, br;q=0" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);

    for (const res of [plain, br, gz]) expect(res.headers.get("vary")).toBe("accept-encoding");
    const etags = [plain, br, gz].map((r) => r.headers.get("etag"));
    expect(new Set(etags).size).toBe(3);
    for (const etag of etags) expect(etag).toMatch(/^"[^"]+"$/);

    const revalidated = await get({ "accept-encoding": "br", "if-none-match": etags[1]! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect((await get({ "if-none-match": '"something-else"' })).status).toBe(200);
  });

  it("an unreachable source is 502, a malformed directory 422 (not 503 or 200)", async () => {
    useSource("http://127.0.0.1:9");
    const down = await get();
    expect(down.status).toBe(502);
    expect(((await down.json()) as { error: string }).error).toMatch(/could not be built/);
    useSource(`${server.url}/bad`);
    expect((await get()).status).toBe(422);
  });
});
