/**
 * Runs once when the server starts (Next.js instrumentation hook). Builds the search index in the background, so
 * the first search does not wait for every Discovery document to load (≈1 min over HTTP for 604 documents on a
 * small machine; the snapshot's index is read back from .cache in ~100 ms). EXPLORER_WARM_SEARCH_INDEX=0 skips it.
 * @see node_modules/next/dist/docs/01-app/02-guides/instrumentation.md
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.EXPLORER_WARM_SEARCH_INDEX === "0") return;
  const { getSearchIndex } = await import("./lib/search/load");
  // After start-up work settles; errors are reported to the first real search instead.
  setTimeout(() => void getSearchIndex().catch(() => undefined), 1_000).unref();
}
