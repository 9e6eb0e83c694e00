/**
 * Which page requests the page cache answers, under what validator, and with which caching headers. Pure.
 *
 * A cached page is the same bytes for every visitor: the directory, API and method pages read nothing from the
 * request but the path (the theme cookie is applied in the browser, lib/theme.ts; sign-in lives client-side), so
 * the cache serves only requests whose answer is the plain HTML document of a path — no query string (a filter,
 * a shared request: rendered per request as before), no React Server Components payload (Next's `rsc` headers).
 */
import { createHash } from "node:crypto";

import type { PageTarget } from "../discovery/page-status-hook";
import { pageTarget } from "../security/request-policy";

/**
 * Shared caches (a CDN, a reverse proxy) keep a page for 5 minutes and may serve it for a day while they
 * revalidate it in the background; browsers revalidate every time (max-age=0), which costs a 304 when nothing
 * changed. A new document revision is a new ETag.
 */
export const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=300, stale-while-revalidate=86400";

/** Next answers a path with HTML or with its RSC payload, told apart by these request headers (Next's own Vary). */
export const PAGE_VARY =
  "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, accept-encoding";

const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch"];

export interface CacheableRequest {
  readonly path: string;
  readonly target: PageTarget;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** The page a request asks for when the cache may answer it, else null (Next renders it per request). */
export function cacheableRequest(method: string | undefined, url: string | undefined, headers: Headers) {
  if (method !== "GET" && method !== "HEAD") return null;
  if (url === undefined || !url.startsWith("/") || url.startsWith("//") || url.includes("?")) return null;
  if (url.includes("#") || url.startsWith("/api/") || url.startsWith("/_next/")) return null;
  if (RSC_HEADERS.some((h) => headers[h] !== undefined)) return null;
  const target = pageTarget(url);
  return target === null ? null : ({ path: url, target } satisfies CacheableRequest);
}

/** What a page was rendered from: the build, the source and the document's revision (or the directory's digest). */
export interface PageDependency {
  readonly buildId: string;
  /** The source's label and, when the snapshot stands in for a failing live source, why (the page shows both). */
  readonly source: string;
  /** The document's revision (`null` when it has none) or "directory". */
  readonly revision: string | null;
  /** A digest of the document or directory text: a change without a new revision is still a new page. */
  readonly fingerprint: string;
}

/** A strong ETag for one path's HTML under one dependency (the same on every instance of one build). */
export function pageEtag(path: string, dep: PageDependency): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([path, dep.buildId, dep.source, dep.revision, dep.fingerprint]))
    .digest("base64url")
    .slice(0, 27);
  const rev = (dep.revision ?? "none").replace(/[^A-Za-z0-9._-]/g, "").slice(0, 24);
  return `"p-${rev}-${digest}"`;
}
