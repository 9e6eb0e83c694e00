// Which endpoint answers a request the proxy saw: revoke, consent, token, IAM Credentials, Discovery, a CORS
// preflight, a per-test handler or the default API answer — and "unmatched" (599 + a problem) for anything else.
import { consent } from "./consent";
import { checkCredentials } from "./credentials";
import type { DiscoveryService } from "./discovery";
import { iamCredentials, isIamRequest } from "./iam";
import type { FakeState } from "./state";
import { revoke, tokenEndpoint } from "./token-endpoint";
import type { ApiHandlerSpec, ApiResponse, RecordedRequest } from "./types";
import { defaultApiResponse, parseUpload } from "./uploads";

export function handlerMatches(
  h: ApiHandlerSpec,
  rec: Pick<RecordedRequest, "method" | "host" | "path">,
): boolean {
  if (h.method && h.method.toUpperCase() !== rec.method) return false;
  if (h.host !== undefined) {
    if (typeof h.host === "string" ? h.host.toLowerCase() !== rec.host : !h.host.test(rec.host)) return false;
  }
  return typeof h.path === "string" ? h.path === rec.path : h.path.test(rec.path);
}

/** The latest registration wins. */
export function findHandler(
  state: FakeState,
  rec: Pick<RecordedRequest, "method" | "host" | "path">,
): ApiHandlerSpec | undefined {
  return [...state.handlers].reverse().find((hd) => handlerMatches(hd, rec));
}

function preflightHeaders(rec: RecordedRequest): Record<string, string> {
  return {
    "access-control-allow-origin": rec.headers.origin ?? "*",
    "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
    "access-control-allow-headers": rec.headers["access-control-request-headers"] ?? "",
    "access-control-max-age": "3600",
    vary: "Origin",
  };
}

export interface Router {
  route(rec: RecordedRequest, buf: Buffer, protocol: string): Promise<ApiResponse>;
}

export function createRouter(state: FakeState, discovery: DiscoveryService, extraHosts: Set<string>): Router {
  const isApiHost = (host: string) =>
    host === "www.googleapis.com" || host.endsWith(".googleapis.com") || extraHosts.has(host);

  const unmatched = (rec: RecordedRequest, why: string): ApiResponse => {
    rec.kind = "unmatched";
    state.problem(rec, "unmatched", `${why}: ${rec.method} ${rec.url}`);
    return {
      status: 599,
      headers: { "content-type": "text/plain" },
      body: `fake-google: no route for ${rec.method} ${rec.url}\n`,
    };
  };

  return {
    async route(rec, buf, protocol) {
      if (protocol !== "https:") return unmatched(rec, "plain-http request (Google is HTTPS only)");
      const h = rec.host;
      if (h === "oauth2.googleapis.com" && rec.path === "/revoke") {
        rec.kind = "revoke";
        return revoke(state, rec);
      }
      if (
        h === "accounts.google.com" &&
        (rec.path === "/o/oauth2/auth" || rec.path === "/o/oauth2/v2/auth")
      ) {
        rec.kind = "consent";
        return consent(state, rec);
      }
      if (
        (h === "oauth2.googleapis.com" && rec.path === "/token") ||
        (h === "accounts.google.com" && rec.path === "/o/oauth2/token")
      ) {
        rec.kind = "token";
        return tokenEndpoint(state, rec);
      }
      const dt = discovery.target(rec);
      if (dt !== undefined) {
        rec.kind = "discovery";
        checkCredentials(state, rec, true);
        return discovery.serve(rec, dt);
      }
      if (
        rec.method === "OPTIONS" &&
        rec.headers.origin !== undefined &&
        rec.headers["access-control-request-method"]
      ) {
        rec.kind = "preflight";
        const target = findHandler(state, {
          ...rec,
          method: rec.headers["access-control-request-method"]?.toUpperCase() ?? "",
        });
        if (target?.noCors) return { status: 403, body: "" };
        return { status: 204, headers: preflightHeaders(rec) };
      }
      const handler = findHandler(state, rec);
      if (!handler && isIamRequest(rec)) return iamCredentials(state, rec);
      if (!handler && !isApiHost(h)) return unmatched(rec, "unknown host");
      if (h === "oauth2.googleapis.com" && !handler)
        return unmatched(rec, "unknown oauth2.googleapis.com endpoint");
      rec.kind = "api";
      const denied = checkCredentials(state, rec, handler?.anonymous ?? false);
      if (denied) return denied;
      if (rec.path.startsWith("/upload/") || rec.path.startsWith("/resumable/upload/")) {
        const early = parseUpload(state, rec, buf);
        if (early) return early;
      }
      if (handler) {
        rec.handler = handler.name ?? String(handler.path);
        return handler.handle(rec);
      }
      return defaultApiResponse(state, rec);
    },
  };
}
