/**
 * Next.js proxy (the former "middleware"): a fresh CSP nonce for every page request (lib/security/csp.ts).
 * Next.js reads the policy from the request headers and puts the nonce on its own scripts.
 * @see node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md
 */
import { NextResponse, type NextRequest } from "next/server";

import { PATH_HEADER } from "@/lib/http/request-path";
import { contentSecurityPolicy } from "@/lib/security/csp";

export function proxy(request: NextRequest) {
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
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: static assets and route handlers (JSON, the sign-in pages with their own policy) are skipped.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|auth-popup.js).*)" }],
};
