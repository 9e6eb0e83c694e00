/** POST /api/auth/session {flow} — the page collects its token once (lib/auth/oauth-flow.ts collectHandoff). */
import { browserUrl, NO_STORE, readSmallJsonObject, readCookie, withCookies } from "@/lib/auth/http-cookies";
import { checkSameOrigin, collectHandoff, HANDOFF_COOKIE } from "@/lib/auth/oauth-flow";
import { serverOAuthConfig } from "@/lib/auth/server-config";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const configured = serverOAuthConfig();
  if (!configured.ok) return Response.json({ error: configured.message }, { status: 503, headers: NO_STORE });
  // Origin first, then at most a small body: a foreign page must not make the server read (or parse) anything.
  const cross = checkSameOrigin(configured.config, browserUrl(request), request.headers.get("origin"));
  if (cross !== null)
    return Response.json({ error: cross.message }, { status: cross.status, headers: NO_STORE });
  const read = await readSmallJsonObject(request);
  if (!read.ok) return Response.json({ error: read.message }, { status: read.status, headers: NO_STORE });
  const body = read.value;
  const result = await collectHandoff({
    config: configured.config,
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
