/**
 * GET /api/search-index — every API and method of the current Discovery source as one JSON document (see
 * lib/search). Built once per process on first request (seconds: every document is loaded), then served from
 * memory with a strong ETag; `If-None-Match` answers 304. A source that cannot give the directory answers
 * 502/504 (422 for a malformed one, lib/discovery/load-status.ts). Pages never embed the index: the search
 * palette fetches it when first opened.
 *
 * Clients accepting brotli or gzip are answered before Next.js, at the HTTP server, with bodies compressed once per
 * build (lib/search/serve-encoded-index.ts, installed by instrumentation.ts): Next.js drops a route handler's
 * Content-Encoding and would recompress the 4.4 MB on every request. This handler answers the rest.
 */
import { loadErrorStatus } from "@/lib/discovery/load-status";
import { etagFor, matchesAnyEncoding } from "@/lib/search/encoded-body";
import { getSearchIndex } from "@/lib/search/load";
import { SEARCH_INDEX_CACHE_CONTROL } from "@/lib/search/serve-encoded-index";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(request: Request): Promise<Response> {
  let served;
  try {
    served = await getSearchIndex();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return Response.json(
      { error: `The search index could not be built: ${message}` },
      { status: loadErrorStatus(err), headers: { "cache-control": "no-store", "retry-after": "10" } },
    );
  }
  const headers: Record<string, string> = {
    etag: etagFor(served.etag, "identity"),
    vary: "accept-encoding",
    "cache-control": SEARCH_INDEX_CACHE_CONTROL,
    "x-search-index": `${served.apis} apis; ${served.methods} methods; ${served.skipped} skipped; ${served.from} ${served.ms} ms`,
  };
  if (matchesAnyEncoding(request.headers.get("if-none-match"), served.etag))
    return new Response(null, { status: 304, headers });
  return new Response(served.body, {
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}
