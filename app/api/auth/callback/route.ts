/** GET /api/auth/callback — Google redirects the sign-in window here (lib/auth/oauth-flow.ts). */
import { browserUrl, NO_STORE, readCookie, withCookies } from "@/lib/auth/http-cookies";
import { completeSignIn, STATE_COOKIE } from "@/lib/auth/oauth-flow";
import { popupPage, POPUP_PAGE_CSP } from "@/lib/auth/popup-page";
import { serverOAuthConfig } from "@/lib/auth/server-config";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  const headers = {
    ...NO_STORE,
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": POPUP_PAGE_CSP,
  };
  const configured = serverOAuthConfig();
  if (!configured.ok)
    return new Response(popupPage({ ok: false, message: configured.message, flow: null }), {
      status: 503,
      headers,
    });
  const result = await completeSignIn({
    config: configured.config,
    requestUrl: browserUrl(request),
    stateCookie: readCookie(request, STATE_COOKIE),
    now: Date.now(),
    fetch,
  });
  const page = result.ok
    ? popupPage({ ok: true, message: signedInMessage(result.session.email), flow: result.flow })
    : popupPage({ ok: false, message: result.message, flow: result.flow });
  return withCookies(
    new Response(page, { status: result.ok ? 200 : result.status, headers }),
    result.cookies,
  );
}

function signedInMessage(email: string | null): string {
  return email !== null ? `Signed in as ${email}.` : "Signed in.";
}
