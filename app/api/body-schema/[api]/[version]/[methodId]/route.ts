/**
 * GET /api/body-schema/{api}/{version}/{methodId} — the JSON Schema of the method's request body
 * (lib/discovery/body-schema.ts), fetched by the body editor when Monaco starts. 404 for an unknown method or one
 * without a body, or names outside the Discovery grammar (lib/discovery/names.ts, checked before any fetch); a
 * document that cannot be loaded answers with lib/discovery/load-status.ts's status and the reason (the editor
 * then checks plain JSON). Clients that accept gzip or brotli get the same body precompressed, at the HTTP server
 * (lib/http/serve-encoded-json.ts, installed by instrumentation.ts); this route answers the rest.
 */
import { BODY_SCHEMA_CACHE_CONTROL, bodySchemaAnswer } from "@/lib/discovery/body-schema-answer";
import { jsonEtag } from "@/lib/http/serve-encoded-json";
import { matchesAnyEncoding } from "@/lib/search/encoded-body";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  const a = await bodySchemaAnswer(new URL(request.url).pathname);
  if (!a.ok) return Response.json(a.body, { status: a.status, headers: { "cache-control": "no-store" } });
  const text = JSON.stringify(a.body);
  const etag = jsonEtag(text);
  const headers = { "cache-control": BODY_SCHEMA_CACHE_CONTROL, etag };
  if (matchesAnyEncoding(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(text, { headers: { ...headers, "content-type": "application/json" } });
}
