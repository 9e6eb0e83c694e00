/**
 * The server under hostile sources and requests, at the HTTP level against the production build: real statuses
 * for failed Discovery loads (testing/discovery-server/behaviours.ts misbehaves on purpose), no path traversal
 * through the body-schema route, 405 for TRACE, and the precompressed search index.
 */
import { expect, test } from "@playwright/test";

test.describe("server hardening", () => {
  test("a page whose Discovery load fails answers with a real status, and still explains why", async ({
    request,
  }) => {
    test.setTimeout(90_000); // behave-slow waits for the 10 s source timeout
    const cases: [string, number, RegExp][] = [
      ["/behave-failing/v1", 502, /could not be reached/],
      ["/behave-failing/v1/behave-failing.things.get", 502, /answered HTTP 500/],
      ["/behave-redirect-to-other-host/v1", 502, /redirected to another host/],
      ["/behave-mismatch/v1", 422, /a document of &quot;other&quot;|a document of "other"/],
      ["/behave-deep/v1", 422, /nested deeper than 64 levels/],
      ["/behave-huge/v1", 422, /EXPLORER_MAX_DOCUMENT_BYTES/],
      ["/badjson/v1", 422, /malformed/],
      ["/broken/v1/broken.widgets.get", 422, /malformed/],
      ["/behave-slow/v1", 504, /did not answer in time/],
    ];
    for (const [path, status, text] of cases) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(status);
      expect(await res.text(), path).toMatch(text);
    }
  });

  test("the 404s and 200s stay", async ({ request }) => {
    expect((await request.get("/nope/v1")).status()).toBe(404);
    expect((await request.get("/youtube/v3/youtube.nope.list")).status()).toBe(404);
    expect((await request.get("/%252E%252E/%252E%252E")).status()).toBe(404);
    expect((await request.get("/youtube/v3")).status()).toBe(200);
    expect((await request.get("/")).status()).toBe(200);
  });

  test("the body-schema route decodes once and fetches nothing for names outside the grammar", async ({
    request,
  }) => {
    for (const path of ["%252E%252E/%252E%252E/x", "%2E%2E/%2E%2E/x", "youtube/..%2F..%2Fx/y"]) {
      const res = await request.get(`/api/body-schema/${path}`);
      expect(res.status(), path).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/not an API/);
    }
    expect((await request.get("/api/body-schema/behave-failing/v1/x")).status()).toBe(502);
  });

  test("TRACE is 405, not a 500 with a stack trace", async ({ request }) => {
    for (const path of ["/", "/youtube/v3", "/api/search-index"]) {
      const res = await request.fetch(path, { method: "TRACE" });
      expect(res.status(), path).toBe(405);
    }
  });

  test("the search index is served precompressed, per encoding, and revalidates with 304", async ({
    request,
  }) => {
    const br = await request.get("/api/search-index", { headers: { "accept-encoding": "br" } });
    expect(br.status()).toBe(200);
    expect(br.headers()["content-encoding"]).toBe("br");
    expect(br.headers()["vary"]).toMatch(/accept-encoding/i);
    const index = (await br.json()) as { apis: unknown[] };
    expect(index.apis.length).toBeGreaterThan(100);
    const gz = await request.get("/api/search-index", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers()["content-encoding"]).toBe("gzip");
    expect(gz.headers()["etag"]).not.toBe(br.headers()["etag"]);
    const again = await request.get("/api/search-index", {
      headers: { "accept-encoding": "br", "if-none-match": br.headers()["etag"]! },
    });
    expect(again.status()).toBe(304);
  });
});
