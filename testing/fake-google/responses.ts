// Response helpers for per-test API handlers (see ApiHandlerSpec.handle).
import type { ApiResponse, RecordedRequest } from "./types";

/** N pages of `items`, linked by nextPageToken ("page-2", "page-3", …); reads `pageToken` from the query. */
export function pagedResponse(opts: {
  pages: number;
  itemsPerPage?: number;
  kind?: string;
  item?: (page: number, index: number) => unknown;
}): (req: RecordedRequest) => ApiResponse {
  const perPage = opts.itemsPerPage ?? 2;
  return (req) => {
    const token = req.query.find(([k]) => k === "pageToken")?.[1];
    const page = token === undefined ? 1 : Number(/^page-(\d+)$/.exec(token)?.[1] ?? NaN);
    if (!Number.isInteger(page) || page < 1 || page > opts.pages) {
      return googleError(
        400,
        "INVALID_ARGUMENT",
        "invalidPageToken",
        `The page token ${token} is not valid.`,
      );
    }
    const items = Array.from({ length: perPage }, (_, i) =>
      opts.item ? opts.item(page, i) : { kind: "fake#item", id: `item-${page}-${i + 1}` },
    );
    const json: Record<string, unknown> = { kind: opts.kind ?? "fake#listResponse", items };
    if (page < opts.pages) json.nextPageToken = `page-${page + 1}`;
    return { json };
  };
}

/** Fixed media bytes (for `alt=media` / `*_media` downloads). */
export function mediaResponse(
  bytes: Buffer | string,
  contentType = "application/octet-stream",
): () => ApiResponse {
  return () => ({ headers: { "content-type": contentType }, body: bytes });
}

/** A Google-style JSON error response. */
export function googleError(
  code: number,
  status: string,
  reason: string,
  message: string,
  extra?: object,
): ApiResponse {
  return {
    status: code,
    json: { error: { code, message, errors: [{ message, domain: "global", reason, ...extra }], status } },
  };
}
