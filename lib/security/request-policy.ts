/**
 * What proxy.ts decides before a request reaches a page or route, as pure functions (tested beside the code).
 */

import { API_ROUTES_PREFIX } from "../routes";

/** Methods no page or route of the explorer answers: TRACE would echo the request (credentials included). */
const NEVER_ALLOWED = new Set(["TRACE", "TRACK", "CONNECT"]);
/** Pages are read-only (the app has no server actions). */
const PAGE_METHODS = new Set(["GET", "HEAD"]);

/** The Allow header of a 405 for `pathname`, or null when `method` may proceed. */
export function refusedMethod(method: string, pathname: string): string | null {
  const upper = method.toUpperCase();
  const isRoute = pathname.startsWith(API_ROUTES_PREFIX);
  if (NEVER_ALLOWED.has(upper)) return isRoute ? "GET, HEAD, POST" : "GET, HEAD";
  if (!isRoute && !PAGE_METHODS.has(upper)) return "GET, HEAD";
  return null;
}

/**
 * `Strict-Transport-Security` when the explorer's public origin is https (browsers ignore it over http, and
 * sending it from a plain-http localhost would pin nothing useful). One year, the usual minimum for preload lists.
 * @see https://developer.mozilla.org/docs/Web/HTTP/Headers/Strict-Transport-Security
 */
export function strictTransportSecurity(publicOrigin: string | undefined): string | null {
  if (publicOrigin === undefined || publicOrigin.trim() === "") return null;
  try {
    return new URL(publicOrigin.trim()).protocol === "https:" ? "max-age=31536000; includeSubDomains" : null;
  } catch {
    return null;
  }
}

export type PageTarget =
  { readonly kind: "directory" } | { readonly kind: "api"; readonly name: string; readonly version: string };

/**
 * Which Discovery load a page path depends on: `/` the directory, `/{api}/{version}[/{methodId}]` one document
 * (segments percent-decoded exactly once); null for anything else (static files, unknown shapes: 404 anyway).
 */
export function pageTarget(pathname: string): PageTarget | null {
  if (pathname === "/") return { kind: "directory" };
  const parts = pathname.replace(/^\/+|\/+$/g, "").split("/");
  if (parts.length !== 2 && parts.length !== 3) return null;
  try {
    const [name, version] = parts.map((p) => decodeURIComponent(p)) as [string, string];
    return { kind: "api", name, version };
  } catch {
    return null;
  }
}
