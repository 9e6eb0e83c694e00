/**
 * JavaScript a page needs on its first visit (fresh context, empty cache), from Playwright's network events.
 *   - "first load": the scripts the HTML references with `<script src>` — what the page needs to hydrate (the
 *     figure `next build` used to print as First Load JS);
 *   - "lazy": every other script fetched until the network is idle (Monaco, loaded after hydration, and its
 *     workers; chunks loaded with dynamic import). A URL fetched again (a worker loading the Turbopack runtime)
 *     counts once.
 * Bytes are the decoded size ("raw"), gzip level 6 of it computed here (comparable whatever the server sent), and
 * what actually crossed the wire (the encoded body, as the server compressed it).
 */
import { gzipSync } from "node:zlib";

import type { Browser, Response } from "@playwright/test";

import { NAME_SHIM } from "./page-probes";

export interface Bytes {
  files: number;
  raw: number;
  gzip: number;
  transferred: number;
}

export interface PageBytes {
  readonly firstLoad: Bytes;
  readonly lazy: Bytes;
  /** The HTML document itself. */
  readonly html: Bytes;
  /** fetch/XHR responses (e.g. Swagger UI's spec.json), for context. */
  readonly data: Bytes;
}

const empty = (): Bytes => ({ files: 0, raw: 0, gzip: 0, transferred: 0 });

/** `src` of every `<script>` in an HTML text, resolved against the page URL. */
export function scriptSources(html: string, pageUrl: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*?\ssrc\s*=\s*["']([^"']+)["']/gi))
    out.add(new URL(m[1]!.replace(/&amp;/g, "&"), pageUrl).href);
  return out;
}

export async function measurePageBytes(browser: Browser, url: string): Promise<PageBytes> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(NAME_SHIM);
    const page = await context.newPage();
    const responses: Response[] = [];
    page.on("response", (r) => responses.push(r));
    const doc = await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    if (doc === null) throw new Error(`no document for ${url}`);
    const html = await doc.text();
    const initial = scriptSources(html, doc.url());
    const result: PageBytes = { firstLoad: empty(), lazy: empty(), html: empty(), data: empty() };
    // A URL counts once: Monaco's web workers fetch the Turbopack runtime and a shared chunk again.
    const seen = new Set<string>();
    for (const r of responses) {
      if (seen.has(r.url())) continue;
      seen.add(r.url());
      const type = r.request().resourceType();
      const contentType = r.headers()["content-type"] ?? "";
      const isJs = type === "script" || /javascript/.test(contentType);
      const bucket =
        r === doc
          ? result.html
          : isJs
            ? initial.has(r.url())
              ? result.firstLoad
              : result.lazy
            : type === "fetch" || type === "xhr"
              ? result.data
              : null;
      if (bucket === null || r.status() !== 200) continue;
      const body = await r.body().catch(() => null);
      if (body === null) continue;
      const sizes = await r.request().sizes();
      bucket.files++;
      bucket.raw += body.length;
      bucket.gzip += gzipSync(body, { level: 6 }).length;
      bucket.transferred += sizes.responseBodySize;
    }
    return result;
  } finally {
    await context.close();
  }
}
