/**
 * GET /api/schema-graph/{api}/{version}/{methodId}?side=response|request — the schema graph the fields tree shows
 * (lib/fields/method-graph.ts). 400 for a missing or unknown `side`, 404 for an unknown method or one without
 * that body, 502 with the reason when the document cannot be loaded.
 */
import { getApi } from "@/lib/discovery/load";
import { isGraphSide, methodSchemaGraph } from "@/lib/fields/method-graph";
import { safeHref } from "@/lib/html/sanitize";

import { decodeParam } from "@/app/[api]/[version]/load-api";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** The URL carries the document revision: a browser may keep its copy for an hour. */
const CACHE_CONTROL = "public, max-age=3600";
const NO_STORE = { "cache-control": "no-store" };

interface Params {
  readonly params: Promise<{ api: string; version: string; methodId: string }>;
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const p = await params;
  const side = new URL(request.url).searchParams.get("side");
  if (!isGraphSide(side))
    return Response.json(
      { error: 'The "side" parameter must be "response" or "request".' },
      { status: 400, headers: NO_STORE },
    );
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
      { status: kind === "not-found" ? 404 : 502, headers: NO_STORE },
    );
  }
  const linkBase = safeHref(api.documentationLink ?? undefined) ?? undefined;
  const result = methodSchemaGraph(api, decodeParam(p.methodId), side, linkBase);
  if (!result.ok) return Response.json({ error: result.error }, { status: result.status, headers: NO_STORE });
  return Response.json(result.graph, { headers: { "cache-control": CACHE_CONTROL } });
}
