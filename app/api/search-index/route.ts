/**
 * GET /api/search-index — every API and method of the current Discovery source as one JSON document (see
 * lib/search). Built once per process on first request (seconds: every document is loaded), then served from
 * memory, precompressed (brotli or gzip by Accept-Encoding, lib/search/encoded-body.ts) with a strong ETag per
 * encoding; `If-None-Match` answers 304. A source that cannot give the directory answers 502/504 (422 for a
 * malformed one, lib/discovery/load-status.ts). Pages never embed the index: the search palette fetches it when
 * first opened.
 */
import { loadErrorStatus } from "@/lib/discovery/load-status";
import {
  encodeBodies,
  etagFor,
  matchesAnyEncoding,
  pickEncoding,
  type EncodedBodies,
} from "@/lib/search/encoded-body";
import { getSearchIndex, type ServedSearchIndex } from "@/lib/search/load";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/** Browsers may reuse it for 5 minutes, then revalidate (cheap: a 304 unless the source changed). */
const CACHE_CONTROL = "public, max-age=300, must-revalidate";

/** One compression per built index: a rebuild is a new object, so the old entry goes with it. */
const encoded = new WeakMap<ServedSearchIndex, Promise<EncodedBodies>>();
function encodedFor(served: ServedSearchIndex): Promise<EncodedBodies> {
  let p = encoded.get(served);
  if (p === undefined) {
    p = encodeBodies(served.body, served.etag);
    encoded.set(served, p);
  }
  return p;
}

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
  const encoding = pickEncoding(request.headers.get("accept-encoding"));
  const headers: Record<string, string> = {
    etag: etagFor(served.etag, encoding),
    vary: "accept-encoding",
    "cache-control": CACHE_CONTROL,
    "x-search-index": `${served.apis} apis; ${served.methods} methods; ${served.skipped} skipped; ${served.from} ${served.ms} ms`,
  };
  if (matchesAnyEncoding(request.headers.get("if-none-match"), served.etag))
    return new Response(null, { status: 304, headers });
  const { bodies } = await encodedFor(served);
  if (encoding !== "identity") headers["content-encoding"] = encoding;
  return new Response(bodies[encoding] as BodyInit, {
    headers: { ...headers, "content-type": "application/json; charset=utf-8" },
  });
}
