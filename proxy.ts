/**
 * Next.js proxy (the former "middleware"), in front of every page and most routes:
 * - a fresh CSP nonce for every page request (lib/security/csp.ts). Next.js reads the policy from the request
 *   headers and puts the nonce on its own scripts. The page cache (lib/page-cache) renders through here too, and
 *   turns that one-time nonce into the hashes of the page's own scripts before it serves the page to anyone;
 * - 405 for TRACE and other methods nothing answers (lib/security/request-policy.ts), before any render;
 * - `Strict-Transport-Security` when EXPLORER_PUBLIC_ORIGIN is https;
 * - the page's real HTTP status when its Discovery load fails: a page cannot set one once React streams, so the
 *   load runs here first (lib/discovery/page-status.ts, installed by instrumentation.ts; in-process, so the
 *   loader's cache is the pages' cache, and failures are remembered a few seconds, so the render does not wait
 *   again) and the page is rendered with 502/504/422/500 (lib/discovery/load-status.ts). 404s stay with the
 *   pages' notFound().
 * @see node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md
 */
import { NextResponse, type NextRequest } from "next/server";

import { PATH_HEADER } from "@/lib/http/request-path";
import { installedFailedLoadStatus } from "@/lib/discovery/page-status-hook";
import { contentSecurityPolicy } from "@/lib/security/csp";
import { pageTarget, refusedMethod, strictTransportSecurity } from "@/lib/security/request-policy";

export async function proxy(request: NextRequest) {
  const hsts = strictTransportSecurity(process.env.EXPLORER_PUBLIC_ORIGIN);
  const withHsts = <T extends Response>(res: T): T => {
    if (hsts !== null) res.headers.set("strict-transport-security", hsts);
    return res;
  };
  const { pathname } = request.nextUrl;
  const allow = refusedMethod(request.method, pathname);
  if (allow !== null)
    return withHsts(
      new NextResponse(`${request.method} is not allowed here.\n`, {
        status: 405,
        headers: { allow, "content-type": "text/plain; charset=utf-8" },
      }),
    );
  if (pathname.startsWith("/api/")) return withHsts(NextResponse.next());

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    extraConnectSrc: process.env.EXPLORER_CSP_CONNECT_SRC,
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  // The 404 page has no params; it reads the path from here to offer "did you mean" (app/not-found.tsx).
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  const target = pageTarget(pathname);
  const check = installedFailedLoadStatus();
  const status = target === null || check === undefined ? null : await check(target);
  // The status rides on next(): Next.js sets the proxy's status on the response before rendering the page, and a
  // successful render leaves it (a rewrite to itself would need the server's own origin, not the request's).
  const response = NextResponse.next(
    status === null ? { request: { headers } } : { status, request: { headers } },
  );
  response.headers.set("content-security-policy", policy);
  return withHsts(response);
}

export const config = {
  // Pages, and the routes without a request body (the auth POSTs are left out: Next.js would copy their bodies
  // for the proxy). Static assets are skipped. Route handlers get only the method check and HSTS, not the CSP.
  matcher: [
    {
      source:
        "/((?!api/auth/session|api/auth/revoke|_next/static|_next/image|favicon.ico|icon.svg|auth-popup.js).*)",
    },
  ],
};
