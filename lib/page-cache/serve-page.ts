/**
 * The page cache, answered at the Node.js HTTP server (an Interceptor, lib/security/refuse-methods.ts, installed by
 * instrumentation.ts): the directory, API and method pages are rendered once per (path, build, source, document
 * revision) and then served from memory, precompressed, with a strong ETag, a policy a CDN may cache
 * (./policy.ts) and a fixed hash-based CSP (./inline-scripts.ts) instead of a per-request nonce.
 *
 * A miss renders the page by asking this same server for it, marked with a per-process token so the request goes
 * to Next.js and not back here, without the visitor's cookies (the page must not depend on them) and uncompressed.
 * Only a 200 HTML page that brought its nonce is kept; anything else (a 404, a failed load: the proxy's 502/504/422)
 * is passed to the visitor as Next.js answered it, never cached (Next sends those with `no-store`).
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";

import { Lru } from "../discovery/lru";
import type { PageTarget } from "../discovery/page-status-hook";
import {
  encodeBodies,
  etagFor,
  matchesAnyEncoding,
  pickEncoding,
  type EncodedBodies,
} from "../search/encoded-body";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "../security/csp";
import type { Interceptor } from "../security/refuse-methods";
import { hashInlineScripts } from "./inline-scripts";
import {
  cacheableRequest,
  PAGE_CACHE_CONTROL,
  PAGE_VARY,
  pageEtag,
  type CacheableRequest,
  type PageDependency,
} from "./policy";

/** The request header that marks the cache's own render request (its value: FillOptions.token). */
export const FILL_HEADER = "x-explorer-page-fill";

export interface Rendered {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export interface PageCacheOptions {
  /** What the page at `target` is rendered from, or null when it cannot be loaded (Next answers with the error). */
  readonly dependencyOf: (target: PageTarget) => Promise<PageDependency | null>;
  /** Renders `path` by Next.js (production: renderThroughServer). */
  readonly render: (req: IncomingMessage, path: string) => Promise<Rendered>;
  /** A random per-process value: requests that carry it are the cache's own and go to Next.js. */
  readonly token: string;
  readonly extraConnectSrc?: string;
  readonly hsts?: string | null;
  /** Pages kept (default 200: a method page is ≈100–200 KB, three encodings). */
  readonly maxEntries?: number;
}

interface Entry {
  readonly etag: string;
  readonly csp: string;
  readonly bodies: EncodedBodies["bodies"];
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);

export function servePageCache(o: PageCacheOptions): Interceptor {
  const entries = new Lru<string, Entry>(o.maxEntries ?? 200);
  const fills = new Map<string, Promise<Entry | Rendered>>();
  const fixedHeaders: Record<string, string> = {
    ...Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value])),
    ...(o.hsts ? { "strict-transport-security": o.hsts } : {}),
  };

  const fill = async (req: IncomingMessage, path: string, etag: string): Promise<Entry | Rendered> => {
    const rendered = await o.render(req, path);
    const page = toEntry(rendered, o.extraConnectSrc);
    if (page === null) return rendered;
    const entry = { etag, csp: page.csp, bodies: (await encodeBodies(page.html, etag)).bodies };
    entries.set(path, entry);
    return entry;
  };

  const answer = async (
    req: IncomingMessage,
    res: ServerResponse,
    page: CacheableRequest,
    toApp: () => void,
  ) => {
    const dep = await o.dependencyOf(page.target);
    if (dep === null) return toApp();
    const etag = pageEtag(page.path, dep);
    const validators = {
      ...fixedHeaders,
      etag,
      "cache-control": PAGE_CACHE_CONTROL,
      vary: PAGE_VARY,
    };
    // Revalidation needs no render: the validator is known from the revision alone.
    if (matchesAnyEncoding(req.headers["if-none-match"]?.toString() ?? null, etag)) {
      res.writeHead(304, { ...validators, "x-page-cache": "revalidated" });
      res.end();
      return;
    }
    let state = "hit";
    let entry: Entry | Rendered | undefined = entries.get(page.path);
    if (entry === undefined || entry.etag !== etag) {
      state = "miss";
      let pending = fills.get(etag);
      if (pending === undefined) {
        pending = fill(req, page.path, etag).finally(() => fills.delete(etag));
        fills.set(etag, pending);
      }
      entry = await pending;
    }
    if ("status" in entry) return passOn(res, entry, req.method === "HEAD");
    const encoding = pickEncoding(req.headers["accept-encoding"]?.toString() ?? null);
    const body = entry.bodies[encoding];
    res.writeHead(200, {
      ...validators,
      etag: etagFor(etag, encoding),
      "content-security-policy": entry.csp,
      "content-type": "text/html; charset=utf-8",
      ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
      "content-length": String(body.byteLength),
      "x-page-cache": state,
    });
    res.end(req.method === "HEAD" ? undefined : body);
  };

  return (req, res, toApp) => {
    if (req.headers[FILL_HEADER] === o.token) return false;
    const page = cacheableRequest(req.method, req.url, req.headers);
    if (page === null) return false;
    answer(req, res, page, toApp).catch(() => {
      // Whatever went wrong here, Next.js can still answer the visitor itself.
      if (!res.headersSent) toApp();
      else res.end();
    });
    return true;
  };
}

/** A rendered 200 HTML page with its nonce, turned into a cache entry's parts; null when it is not one. */
export function toEntry(rendered: Rendered, extraConnectSrc?: string): { html: string; csp: string } | null {
  if (rendered.status !== 200) return null;
  if (!String(rendered.headers["content-type"] ?? "").startsWith("text/html")) return null;
  if (rendered.headers["set-cookie"] !== undefined) return null; // a page that sets a cookie is someone's
  const nonce = /'nonce-([^']+)'/.exec(String(rendered.headers["content-security-policy"] ?? ""))?.[1];
  if (nonce === undefined) return null;
  const page = hashInlineScripts(rendered.body.toString("utf8"), nonce);
  if (page.hashes.length === 0) return null;
  return {
    html: page.html,
    csp: contentSecurityPolicy({
      hashes: page.hashes,
      dev: false,
      ...(extraConnectSrc !== undefined ? { extraConnectSrc } : {}),
    }),
  };
}

/** Next's own answer, as it gave it (status, headers, body), to the visitor who asked. */
function passOn(res: ServerResponse, r: Rendered, head: boolean): void {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(r.headers))
    if (v !== undefined && !HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v;
  headers["content-length"] = String(r.body.byteLength);
  res.writeHead(r.status, headers);
  res.end(head ? undefined : r.body);
}

/**
 * Asks the server that received `req` (its own address and port) for `path`, as the cache's render request: no
 * cookies, no compression, the visitor's Host (nothing on the page depends on it, but Next checks it).
 */
export function renderThroughServer(token: string, timeoutMs = 60_000) {
  return (req: IncomingMessage, path: string): Promise<Rendered> =>
    new Promise((resolve, reject) => {
      const { localAddress, localPort } = req.socket;
      if (localAddress === undefined || localPort === undefined) return reject(new Error("no local address"));
      const host = localAddress.startsWith("::ffff:") ? localAddress.slice(7) : localAddress;
      const out = httpRequest(
        {
          host,
          port: localPort,
          path,
          method: "GET",
          timeout: timeoutMs,
          headers: {
            host: req.headers.host ?? `${host}:${localPort}`,
            accept: "text/html",
            "accept-encoding": "identity",
            [FILL_HEADER]: token,
          },
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (c: Buffer) => chunks.push(c));
          incoming.on("end", () =>
            resolve({
              status: incoming.statusCode ?? 500,
              headers: incoming.headers,
              body: Buffer.concat(chunks),
            }),
          );
          incoming.on("error", reject);
        },
      );
      out.on("timeout", () => out.destroy(new Error("the page render timed out")));
      out.on("error", reject);
      out.end();
    });
}
