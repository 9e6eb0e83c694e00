/**
 * What every JSON POST auth route (session, revoke) checks before it does anything: sign-in is configured, the
 * Origin is ours, and the body is small. In that order, so a foreign page cannot make the server read (or parse)
 * anything. Server only (reads the configuration from process.env).
 */
import { browserUrl, NO_STORE, readSmallJsonObject } from "./http-cookies";
import type { OAuthConfig } from "./oauth-config";
import { checkSameOrigin } from "./oauth-flow";
import { serverOAuthConfig } from "./server-config";

export type AcceptedAuthPost =
  | { readonly ok: true; readonly config: OAuthConfig; readonly body: Record<string, unknown> }
  /** The answer to send instead (503, 403 or 413, JSON `{ error }`, never cached). */
  | { readonly ok: false; readonly response: Response };

export async function acceptAuthPost(request: Request): Promise<AcceptedAuthPost> {
  const refuse = (status: number, error: string) => ({
    ok: false as const,
    response: Response.json({ error }, { status, headers: NO_STORE }),
  });
  const configured = serverOAuthConfig();
  if (!configured.ok) return refuse(503, configured.message);
  const cross = checkSameOrigin(configured.config, browserUrl(request), request.headers.get("origin"));
  if (cross !== null) return refuse(cross.status, cross.message);
  const read = await readSmallJsonObject(request);
  if (!read.ok) return refuse(read.status, read.message);
  return { ok: true, config: configured.config, body: read.value };
}
