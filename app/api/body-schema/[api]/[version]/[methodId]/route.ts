/**
 * GET /api/body-schema/{api}/{version}/{methodId} — the JSON Schema of the method's request body
 * (lib/discovery/body-schema.ts), fetched by the body editor when Monaco starts. 404 for an unknown method or one
 * without a body; a document that cannot be loaded answers 502 with the reason (the editor then checks plain JSON).
 */
import { bodySchemaFor } from "@/lib/discovery/body-schema";
import { getApi } from "@/lib/discovery/load";

import { decodeParam } from "@/app/[api]/[version]/load-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The URL carries the document revision: a browser may keep its copy for an hour. */
const CACHE_CONTROL = "public, max-age=3600";

interface Params {
  readonly params: Promise<{ api: string; version: string; methodId: string }>;
}

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const p = await params;
  const name = decodeParam(p.api);
  const version = decodeParam(p.version);
  let api;
  try {
    ({ api } = await getApi(name, version));
  } catch (err) {
    const kind = typeof err === "object" && err !== null ? (err as { kind?: unknown }).kind : undefined;
    const message = err instanceof Error ? err.message : String(err);
    return Response.json(
      {
        error:
          kind === "not-found"
            ? `No API ${name} ${version}.`
            : `The document could not be loaded: ${message}`,
      },
      { status: kind === "not-found" ? 404 : 502, headers: { "cache-control": "no-store" } },
    );
  }
  const result = bodySchemaFor(api, decodeParam(p.methodId));
  if (!result.ok)
    return Response.json(
      { error: result.error },
      { status: result.status, headers: { "cache-control": "no-store" } },
    );
  return Response.json(result.schema, { headers: { "cache-control": CACHE_CONTROL } });
}
