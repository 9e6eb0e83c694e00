/**
 * GET /api/search-index for clients that accept brotli or gzip, answered at the HTTP server with the body
 * compressed once per index build (./encoded-body.ts). Next.js drops a route handler's Content-Encoding header
 * (next/dist/server/send-response.js), so precompressed bytes cannot go through app/api/search-index/route.ts;
 * that route still answers plain (identity) requests and development.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

import { loadErrorStatus } from "../discovery/load-status";
import { STATIC_SECURITY_HEADERS } from "../security/csp";
import { encodeBodies, etagFor, matchesAnyEncoding, pickEncoding, type EncodedBodies } from "./encoded-body";
import type { ServedSearchIndex } from "./load";
import { SEARCH_INDEX_PATH } from "../routes";

/** Browsers may reuse it for 5 minutes, then revalidate (cheap: a 304 unless the source changed). */
export const SEARCH_INDEX_CACHE_CONTROL = "public, max-age=300, must-revalidate";

const encoded = new WeakMap<ServedSearchIndex, Promise<EncodedBodies>>();
/** One compression per built index: a rebuild is a new object, and the old entry goes with it. */
export function encodedFor(served: ServedSearchIndex): Promise<EncodedBodies> {
  let p = encoded.get(served);
  if (p === undefined) {
    p = encodeBodies(served.body, served.etag);
    encoded.set(served, p);
  }
  return p;
}

const securityHeaders = () => ({
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value])),
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
});

/** An Interceptor (lib/security/refuse-methods.ts) over `load` (getSearchIndex in production). */
export function serveEncodedSearchIndex(load: () => Promise<ServedSearchIndex>) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if ((req.url ?? "").split("?")[0] !== SEARCH_INDEX_PATH) return false;
    const encoding = pickEncoding(req.headers["accept-encoding"]?.toString() ?? null);
    if (encoding === "identity") return false;
    void (async () => {
      let served: ServedSearchIndex;
      try {
        served = await load();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        res.writeHead(loadErrorStatus(err), {
          ...securityHeaders(),
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
          "retry-after": "10",
        });
        res.end(JSON.stringify({ error: `The search index could not be built: ${message}` }));
        return;
      }
      const headers: Record<string, string> = {
        ...securityHeaders(),
        etag: etagFor(served.etag, encoding),
        vary: "accept-encoding",
        "cache-control": SEARCH_INDEX_CACHE_CONTROL,
        "x-search-index": `${served.apis} apis; ${served.methods} methods; ${served.skipped} skipped; ${served.from} ${served.ms} ms`,
      };
      if (matchesAnyEncoding(req.headers["if-none-match"]?.toString() ?? null, served.etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const body = (await encodedFor(served)).bodies[encoding];
      res.writeHead(200, {
        ...headers,
        "content-type": "application/json; charset=utf-8",
        "content-encoding": encoding,
        "content-length": String(body.byteLength),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
    return true;
  };
}
