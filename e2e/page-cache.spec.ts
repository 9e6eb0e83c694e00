/**
 * The page cache (lib/page-cache): directory, API and method pages are rendered once per document revision and
 * served to everyone with the same ETag, a CDN-cacheable Cache-Control and a fixed hash-based CSP; a new revision
 * of the live document is a new page; errors are never cached; the pages still hydrate and run no injected script.
 */
import { createHash } from "node:crypto";

import { expect, test } from "./fixtures";

const DISCOVERY = `http://127.0.0.1:${process.env.E2E_DISCOVERY_PORT ?? 3190}`;
const METHOD = "/youtube/v3/youtube.channels.list";
const PAGES = ["/", "/youtube/v3", METHOD, "/hostile/v1/hostile.items.list"];

const setRevision = async (api: string, version: string, revision: string) => {
  const res = await fetch(`${DISCOVERY}/__control/revision/${api}/${version}?revision=${revision}`, {
    method: "POST",
  });
  expect(res.status).toBe(204);
};

test("a page is the same cached response for every visitor: ETag, CSP, public caching, no cookies", async ({
  request,
  playwright,
}) => {
  for (const path of PAGES) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers()["etag"];
    expect(etag, path).toMatch(/^"p-/);
    // A visitor with cookies (a theme, a session) gets the very same bytes: nothing on the page is theirs.
    const visitor = await playwright.request.newContext({
      baseURL: new URL(first.url()).origin,
      extraHTTPHeaders: { cookie: "theme=dark; explorer_session=secret-session-value" },
    });
    const second = await visitor.get(path);
    const html = await second.text();
    expect(second.headers()["x-page-cache"], path).toBe("hit");
    expect(second.headers()["etag"], path).toBe(etag);
    expect(second.headers()["content-security-policy"], path).toBe(
      first.headers()["content-security-policy"],
    );
    expect(second.headers()["cache-control"], path).toMatch(
      /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/,
    );
    expect(second.headers()["vary"], path).toContain("rsc");
    expect(second.headers()["set-cookie"], path).toBeUndefined();
    expect(html).toBe(await first.text());
    expect(html).not.toContain("secret-session-value");
    expect(html).not.toMatch(/<html[^>]*data-theme=/);
    // Revalidation: 304, no body.
    const revalidated = await visitor.get(path, { headers: { "if-none-match": etag! } });
    expect(revalidated.status(), path).toBe(304);
    await visitor.dispose();
  }
});

test("the cached CSP names every inline script by hash and nothing else runs inline", async ({ request }) => {
  for (const path of PAGES) {
    const res = await request.get(path);
    const csp = res.headers()["content-security-policy"] ?? "";
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
    expect(scriptSrc[0], path).toBe("'self'");
    expect(
      scriptSrc.slice(1).every((s) => /^'sha256-[\w+/]{43}='$/.test(s)),
      csp,
    ).toBe(true);
    expect(csp).not.toMatch(/unsafe-inline'? *'sha|nonce-|unsafe-eval/);
    const html = await res.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
      (m) => !/\ssrc=/.test(m[1]!),
    );
    expect(inline.length, path).toBeGreaterThan(0);
    for (const [, , text] of inline)
      expect(scriptSrc, path).toContain(`'sha256-${createHash("sha256").update(text!).digest("base64")}'`);
  }
});

test("a new revision of the live document is a new page and a new ETag", async ({ request }) => {
  const path = "/tasks/v1";
  const before = await request.get(path);
  const etag = before.headers()["etag"]!;
  try {
    await setRevision("tasks", "v1", "29990101");
    // The app fetches live documents again after EXPLORER_DOCUMENT_TTL_MS (1 s in playwright.config.ts).
    await expect
      .poll(async () => (await request.get(path)).headers()["etag"], { timeout: 15_000 })
      .not.toBe(etag);
    const after = await request.get(path);
    expect(after.headers()["etag"]).toContain("29990101");
    expect(await after.text()).toContain("29990101");
    expect((await request.get(path, { headers: { "if-none-match": etag } })).status()).toBe(200);
  } finally {
    await setRevision("tasks", "v1", "");
  }
});

test("error pages keep their status and are never publicly cached", async ({ request }) => {
  for (const [path, status] of [
    ["/behave-failing/v1", 502],
    ["/behave-mismatch/v1", 422],
    ["/youtube/v3/youtube.nothing.here", 404],
  ] as const) {
    for (let i = 0; i < 2; i++) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(status);
      expect(res.headers()["cache-control"], path).toMatch(/no-store/);
      expect(res.headers()["cache-control"], path).not.toMatch(/public/);
      expect(res.headers()["etag"], path).toBeUndefined();
    }
  }
});

test("a cached page hydrates without console errors, and an injected inline script is blocked", async ({
  page,
  problems,
}) => {
  // Warm: the next load is a cache hit.
  await page.request.get(METHOD);
  // Inject an inline script into the cached HTML on its way to the browser, as an XSS in a description would.
  await page.route(METHOD, async (route) => {
    const response = await route.fetch();
    expect(response.headers()["x-page-cache"]).toBe("hit");
    const body = (await response.text()).replace("<main", "<script>window.__injected = true</script><main");
    const headers = { ...response.headers() };
    delete headers["content-encoding"]; // route.fetch() decoded the body
    delete headers["content-length"];
    await route.fulfill({ response, body, headers });
  });
  await page.goto(METHOD);
  // Hydrated: the theme switch is React's, and it works.
  await page.getByRole("group", { name: "Colour theme" }).getByRole("radio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const ran = await page.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injectedLater = true";
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 200));
    const w = window as unknown as { __injected?: boolean; __injectedLater?: boolean };
    return { inHtml: w.__injected === true, later: w.__injectedLater === true };
  });
  expect(ran).toEqual({ inHtml: false, later: false });
  // Both attempts are reported by Chromium as CSP violations (the expected outcome); nothing else may be.
  const csp = problems.errors.filter((e) => /Content Security Policy/.test(e));
  expect(csp.length).toBe(2);
  problems.errors.splice(0, problems.errors.length, ...problems.errors.filter((e) => !csp.includes(e)));
  await page.getByRole("group", { name: "Colour theme" }).getByRole("radio", { name: "Auto" }).click();
});

test("body schemas come precompressed with an ETag, and revalidate with 304", async ({ request }) => {
  const path = "/api/body-schema/compute/v1/compute.instances.insert";
  const br = await request.get(path, { headers: { "accept-encoding": "br" } });
  expect(br.status()).toBe(200);
  expect(br.headers()["content-encoding"]).toBe("br");
  expect(((await br.json()) as { $ref?: string }).$ref).toBeTruthy();
  const gz = await request.get(path, { headers: { "accept-encoding": "gzip" } });
  expect(gz.headers()["content-encoding"]).toBe("gzip");
  const plain = await request.get(path, { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(await plain.json()).toEqual(await br.json());
  for (const res of [br, gz, plain]) {
    expect(res.headers()["etag"]).toMatch(/^"j-/);
    const again = await request.get(path, {
      headers: { "accept-encoding": "br", "if-none-match": res.headers()["etag"]! },
    });
    expect(again.status()).toBe(304);
  }
});
