/** POST /api/auth/session {flow} — the page collects its token once (lib/auth/oauth-flow.ts collectHandoff). */
import { acceptAuthPost } from "@/lib/auth/auth-post";
import { browserUrl, NO_STORE, readCookie, withCookies } from "@/lib/auth/http-cookies";
import { collectHandoff, HANDOFF_COOKIE } from "@/lib/auth/oauth-flow";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const accepted = await acceptAuthPost(request);
  if (!accepted.ok) return accepted.response;
  const { config, body } = accepted;
  const result = await collectHandoff({
    config,
    requestUrl: browserUrl(request),
    originHeader: request.headers.get("origin"),
    handoffCookie: readCookie(request, HANDOFF_COOKIE),
    flow: body.flow,
    now: Date.now(),
  });
  const res = result.ok
    ? Response.json(result.session, { headers: NO_STORE })
    : Response.json({ error: result.message }, { status: result.status, headers: NO_STORE });
  return withCookies(res, result.cookies);
}
