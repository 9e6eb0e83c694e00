import { LoadErrorView } from "@/components/errors/load-error-view";

import { loadApi } from "./load-api";

/**
 * Loads the document once for the version page and its method pages. Runs before any streaming starts (no
 * loading.tsx above it), so an unknown API or version answers HTTP 404, not a streamed 200; a malformed or
 * unreachable document renders its problems instead of the page.
 */
export default async function ApiVersionLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ api: string; version: string }>;
}) {
  const p = await params;
  const loaded = await loadApi(p.api, p.version);
  if (!loaded.ok) return <LoadErrorView error={loaded.error} />;
  return <>{children}</>;
}
