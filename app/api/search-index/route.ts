/**
 * GET /api/search-index — every API and method of the current Discovery source as one JSON document (see
 * lib/search). Built once per process on first request (seconds: every document is loaded), then served from
 * memory with a strong ETag; `If-None-Match` answers 304. Next.js compresses the body (~4.4 MB → ~0.45 MB gzip).
 * Pages never embed the index: the search palette fetches it when first opened.
 */
import { getSearchIndex } from "@/lib/search/load";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Browsers may reuse it for 5 minutes, then revalidate (cheap: a 304 unless the source changed). */
const CACHE_CONTROL = "public, max-age=300, must-revalidate";

function matchesEtag(header: string | null, etag: string): boolean {
  if (header === null) return false;
  return header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}

export async function GET(request: Request): Promise<Response> {
  let served;
  try {
    served = await getSearchIndex();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return Response.json(
      { error: `The search index could not be built: ${message}` },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": "10" } },
    );
  }
  const headers = {
    etag: served.etag,
    "cache-control": CACHE_CONTROL,
    "x-search-index": `${served.apis} apis; ${served.methods} methods; ${served.skipped} skipped; ${served.from} ${served.ms} ms`,
  };
  if (matchesEtag(request.headers.get("if-none-match"), served.etag))
    return new Response(null, { status: 304, headers });
  return new Response(served.body, {
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}
