/**
 * A JSON route's successful answers precompressed (gzip and brotli, once per document and key) with a strong ETag
 * and 304 on revalidation, answered at the HTTP server: Next.js drops a route handler's Content-Encoding header
 * (see lib/search/serve-encoded-index.ts), so precompressed bytes cannot go through the route. Requests that accept
 * neither encoding, and errors, still go to the route (an Interceptor, lib/security/refuse-methods.ts).
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import type { JsonAnswer } from "../discovery/body-schema-answer";
import type { ApiModel } from "../discovery/model-types";
import {
  encodeBodies,
  etagFor,
  matchesAnyEncoding,
  pickEncoding,
  type EncodedBodies,
} from "../search/encoded-body";
import { STATIC_SECURITY_HEADERS } from "../security/csp";

/** A strong ETag of a JSON text (what the route sends for identity, and the base of the encodings' ETags). */
export function jsonEtag(text: string): string {
  return `"j-${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

const securityHeaders = () => ({
  ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value])),
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
});

export function serveEncodedJson(
  prefix: string,
  answer: (pathname: string) => Promise<JsonAnswer>,
  cacheControl: string,
) {
  const encoded = new WeakMap<ApiModel, Map<string, Promise<EncodedBodies>>>();
  const bodiesOf = (a: Extract<JsonAnswer, { ok: true }>): Promise<EncodedBodies> => {
    let perApi = encoded.get(a.api);
    if (perApi === undefined) encoded.set(a.api, (perApi = new Map()));
    let p = perApi.get(a.key);
    if (p === undefined) {
      const text = JSON.stringify(a.body);
      p = encodeBodies(text, jsonEtag(text));
      perApi.set(a.key, p);
    }
    return p;
  };
  return (req: IncomingMessage, res: ServerResponse, toApp: () => void): boolean => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const pathname = (req.url ?? "").split("?")[0]!;
    if (!pathname.startsWith(prefix)) return false;
    const encoding = pickEncoding(req.headers["accept-encoding"]?.toString() ?? null);
    if (encoding === "identity") return false;
    void (async () => {
      const a = await answer(pathname);
      if (!a.ok) return toApp(); // the route words and statuses errors (no-store)
      const { etag, bodies } = await bodiesOf(a);
      const headers = {
        ...securityHeaders(),
        etag: etagFor(etag, encoding),
        vary: "accept-encoding",
        "cache-control": cacheControl,
      };
      if (matchesAnyEncoding(req.headers["if-none-match"]?.toString() ?? null, etag)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      const body = bodies[encoding];
      res.writeHead(200, {
        ...headers,
        "content-type": "application/json",
        "content-encoding": encoding,
        "content-length": String(body.byteLength),
      });
      res.end(req.method === "HEAD" ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) toApp();
      else res.end();
    });
    return true;
  };
}
