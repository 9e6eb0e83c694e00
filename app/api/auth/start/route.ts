/** GET /api/auth/start?flow=…&scope=… — begins "Sign in with Google" (lib/auth/oauth-flow.ts). */
import { browserUrl, NO_STORE, withCookies } from "@/lib/auth/http-cookies";
import { startSignIn } from "@/lib/auth/oauth-flow";
import { popupPage, POPUP_PAGE_CSP } from "@/lib/auth/popup-page";
import { serverOAuthConfig } from "@/lib/auth/server-config";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

function errorPage(status: number, message: string): Response {
  return new Response(popupPage({ ok: false, message, flow: null }), {
    status,
    headers: {
      ...NO_STORE,
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": POPUP_PAGE_CSP,
    },
  });
}

export async function GET(request: Request): Promise<Response> {
  const configured = serverOAuthConfig();
  if (!configured.ok) return errorPage(503, configured.message);
  const started = await startSignIn({
    config: configured.config,
    requestUrl: browserUrl(request),
    now: Date.now(),
  });
  if (!started.ok) return errorPage(started.status, started.message);
  return withCookies(
    new Response(null, { status: 302, headers: { ...NO_STORE, location: started.location } }),
    [started.cookie],
  );
}
