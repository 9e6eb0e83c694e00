/** POST /api/auth/revoke {token} — sign-out revokes the token at the configured revocation endpoint. */
import { acceptAuthPost } from "@/lib/auth/auth-post";
import { browserUrl, NO_STORE } from "@/lib/auth/http-cookies";
import { revokeToken } from "@/lib/auth/oauth-flow";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const accepted = await acceptAuthPost(request);
  if (!accepted.ok) return accepted.response;
  const { config, body } = accepted;
  const result = await revokeToken({
    config,
    requestUrl: browserUrl(request),
    originHeader: request.headers.get("origin"),
    token: body.token,
    fetch,
  });
  return result.ok
    ? Response.json({ revoked: true }, { headers: NO_STORE })
    : Response.json({ error: result.message }, { status: result.status, headers: NO_STORE });
}
