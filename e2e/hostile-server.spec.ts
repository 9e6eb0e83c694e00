/**
 * The server under hostile sources and requests, at the HTTP level against the production build: real statuses
 * for failed Discovery loads (testing/discovery-server/behaviours.ts misbehaves on purpose), no path traversal
 * through the body-schema route, 405 for TRACE, and the precompressed search index.
 */
import { expect, test } from "@playwright/test";
import {
  apiPath,
  BODY_SCHEMA_PREFIX,
  bodySchemaPath,
  descriptionPath,
  HOME_PATH,
  SEARCH_INDEX_PATH,
} from "../lib/routes";

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
    // (Chromium and Node normalise a literal %2E%2E segment away before sending, so only the double-encoded
    // form reaches the server; lib/discovery/names.test.ts and the route's unit test prove nothing is fetched.)
    for (const path of ["%252E%252E/%252E%252E/x", "youtube/..%2F..%2Fx/y", "a%2Fb/v1/x"]) {
      const res = await request.get(BODY_SCHEMA_PREFIX + path);
      expect(res.status(), path).toBe(404);
    }
    expect((await request.get(bodySchemaPath("behave-failing", "v1", "x", null))).status()).toBe(502);
  });

  test("a 2 MB description and a 5,000-value enum render capped, with the full text one link away", async ({
    page,
    request,
  }) => {
    const res = await request.get("/behave-long-description/v1");
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html.length).toBeLessThan(500_000); // the description alone is 2,000,000 characters
    await page.goto("/behave-long-description/v1");
    await expect(page.getByText("… (truncated, 1,980,000 characters)")).toBeVisible();
    const link = page.getByRole("link", { name: "Read the full text" });
    await expect(link).toHaveAttribute("href", "/api/description/behave-long-description/v1");
    const full = await request.get(descriptionPath("behave-long-description", "v1"));
    expect(full.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect((await full.text()).length).toBe(2_000_000);

    await page.goto("/behave-long-description/v1/behave-long-description.things.get");
    await expect(page.getByText("… (truncated, 4,000 more values)")).toBeAttached();
    // a parameter's 30,000-character description is capped too, its full text one link away
    const paramFull = page
      .locator("#param-mode")
      .getByRole("link", { name: "Read the full text", includeHidden: true });
    await expect(paramFull).toHaveAttribute(
      "href",
      "/api/description/behave-long-description/v1?method=behave-long-description.things.get&param=mode",
    );
    expect((await (await request.get((await paramFull.getAttribute("href"))!)).text()).length).toBe(30_000);

    // The form does not render 5,000 options either: a text field suggests the first 1,000, any value can be
    // typed, and validation still knows the whole set.
    await expect(page.locator(".workbench[data-hydrated]")).toBeVisible();
    await page.getByText("More (standard parameters)").click();
    const mode = page.locator("#rf-mode");
    await expect(mode).toHaveAttribute("list", "rf-mode-values");
    expect(await page.locator("#rf-mode-values option").count()).toBe(1000);
    await mode.fill("v4999");
    await expect(page.getByTestId("request-preview")).toContainText("mode=v4999");
    await expect(mode).not.toHaveAttribute("aria-invalid", "true");
    await mode.fill("v5000");
    await expect(mode).toHaveAttribute("aria-invalid", "true");
  });

  test("TRACE is 405, not a 500 with a stack trace", async ({ request }) => {
    for (const path of [HOME_PATH, apiPath("youtube", "v3"), SEARCH_INDEX_PATH]) {
      const res = await request.fetch(path, { method: "TRACE" });
      expect(res.status(), path).toBe(405);
    }
  });

  test("the search index is served precompressed, per encoding, and revalidates with 304", async ({
    baseURL,
  }) => {
    // Node's fetch, not Playwright's request: that one decodes the body and drops Content-Encoding.
    const url = new URL(SEARCH_INDEX_PATH, baseURL).toString();
    const br = await fetch(url, { headers: { "accept-encoding": "br" } });
    expect(br.status).toBe(200);
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toMatch(/accept-encoding/i);
    const index = (await br.json()) as { apis: unknown[] };
    expect(index.apis.length).toBeGreaterThan(100);
    const gz = await fetch(url, { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("etag")).not.toBe(br.headers.get("etag"));
    await gz.body?.cancel();
    const again = await fetch(url, {
      headers: { "accept-encoding": "br", "if-none-match": br.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
  });
});
