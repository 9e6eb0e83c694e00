/**
 * Runs once when the server starts (Next.js instrumentation hook). Builds the search index in the background, so
 * the first search does not wait for every Discovery document to load (≈1 min over HTTP for 604 documents on a
 * small machine; the snapshot's index is read back from .cache in ~100 ms). EXPLORER_WARM_SEARCH_INDEX=0 skips it.
 * @see node_modules/next/dist/docs/01-app/02-guides/instrumentation.md
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // TRACE & co. → 405 at the HTTP server: Next.js cannot even build a request for them (refuse-methods.ts).
  // The search index precompressed, also answered there (Next.js drops a route's Content-Encoding).
  const [
    { Server },
    { interceptRequests, refuseUnsupportedMethods },
    { serveEncodedSearchIndex },
    { getSearchIndex },
  ] = await Promise.all([
    import("node:http"),
    import("./lib/security/refuse-methods"),
    import("./lib/search/serve-encoded-index"),
    import("./lib/search/load"),
  ]);
  refuseUnsupportedMethods(Server.prototype);
  interceptRequests(Server.prototype, "search-index", serveEncodedSearchIndex(getSearchIndex));
  const [{ serveEncodedJson }, { bodySchemaAnswer, BODY_SCHEMA_CACHE_CONTROL, BODY_SCHEMA_PREFIX }] =
    await Promise.all([
      import("./lib/http/serve-encoded-json"),
      import("./lib/discovery/body-schema-answer"),
    ]);
  interceptRequests(
    Server.prototype,
    "body-schema",
    serveEncodedJson(BODY_SCHEMA_PREFIX, bodySchemaAnswer, BODY_SCHEMA_CACHE_CONTROL),
  );
  // The pages' real HTTP status on a failed Discovery load (proxy.ts; why it is handed over here: page-status.ts).
  const [{ failedLoadStatus }, { installFailedLoadStatus }] = await Promise.all([
    import("./lib/discovery/page-status"),
    import("./lib/discovery/page-status-hook"),
  ]);
  installFailedLoadStatus(failedLoadStatus);
  // Directory, API and method pages served from memory with a fixed CSP and an ETag (lib/page-cache/serve-page.ts).
  if (process.env.NODE_ENV === "production" && process.env.EXPLORER_PAGE_CACHE !== "0") {
    const [
      { servePageCache, renderThroughServer },
      { pageDependency },
      { buildId },
      { randomBytes },
      policy,
    ] = await Promise.all([
      import("./lib/page-cache/serve-page"),
      import("./lib/page-cache/dependency"),
      import("./lib/page-cache/build-id"),
      import("node:crypto"),
      import("./lib/security/request-policy"),
    ]);
    const token = randomBytes(24).toString("base64url");
    interceptRequests(
      Server.prototype,
      "page-cache",
      servePageCache({
        dependencyOf: pageDependency(buildId()),
        render: renderThroughServer(token),
        token,
        hsts: policy.strictTransportSecurity(process.env.EXPLORER_PUBLIC_ORIGIN),
        ...(process.env.EXPLORER_CSP_CONNECT_SRC !== undefined
          ? { extraConnectSrc: process.env.EXPLORER_CSP_CONNECT_SRC }
          : {}),
      }),
    );
  }
  if (process.env.EXPLORER_WARM_SEARCH_INDEX === "0") return;
  // After start-up work settles; errors are reported to the first real search instead.
  setTimeout(() => void getSearchIndex().catch(() => undefined), 1_000).unref();
}
