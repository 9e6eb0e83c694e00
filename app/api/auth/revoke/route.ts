/** POST /api/auth/revoke {token} — sign-out revokes the token at the configured revocation endpoint. */
import { browserUrl, NO_STORE, readSmallJsonObject } from "@/lib/auth/http-cookies";
import { checkSameOrigin, revokeToken } from "@/lib/auth/oauth-flow";
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
  const result = await revokeToken({
    config: configured.config,
    requestUrl: browserUrl(request),
    originHeader: request.headers.get("origin"),
    token: body.token,
    fetch,
  });
  return result.ok
    ? Response.json({ revoked: true }, { headers: NO_STORE })
    : Response.json({ error: result.message }, { status: result.status, headers: NO_STORE });
}
