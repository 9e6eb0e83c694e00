/** POST /api/auth/revoke {token} — sign-out revokes the token at the configured revocation endpoint. */
import { browserUrl, NO_STORE, readJsonObject } from "@/lib/auth/http-cookies";
import { revokeToken } from "@/lib/auth/oauth-flow";
import { serverOAuthConfig } from "@/lib/auth/server-config";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const configured = serverOAuthConfig();
  if (!configured.ok) return Response.json({ error: configured.message }, { status: 503, headers: NO_STORE });
  const body = await readJsonObject(request);
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
